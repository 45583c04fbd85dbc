"""``fftimeline check-wording`` and the count ``export`` prints, run as a script would."""

from __future__ import annotations

from pathlib import Path

import pytest

from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.services.vault import open_vault
from tests.e2e.cli_helpers import PASSPHRASE, make_vault, run, secret_file
from tests.factories import family_view, make_case, make_entry

pytestmark = pytest.mark.e2e

ISSUE = (
    "Head of Year thinks Jayden is choosing to hang around with older boys "
    "and is putting himself at risk"
)
ALL = frozenset(Audience)


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[int]]:
    """A vault with one case: a problem entry, a clean one, quoted words, and jargon."""
    folder = tmp_path_factory.mktemp("wording")
    path = make_vault(folder)
    v = open_vault(path, bytearray(PASSPHRASE.encode()), actor="Sam Key")
    try:
        case = v.cases.add(make_case())
        clean = v.cases.add(make_case(child_name="Amira Khan")).id
        v.entries.add(clean, make_entry(summary="Seen near the park"))
        ids = [
            v.entries.add(case.id, make_entry(summary=ISSUE, sharing=Sharing(audiences=ALL))).id,
            v.entries.add(case.id, make_entry(summary="Seen near the park")).id,
            v.entries.add(
                case.id,
                make_entry(
                    summary="Talked at school",
                    views=family_view('Jayden said "I chose to go back there".'),
                    sharing=Sharing(audiences=ALL),
                ),
            ).id,
            v.entries.add(
                case.id, make_entry(summary="CLA review held", sharing=Sharing(audiences=ALL))
            ).id,
        ]
    finally:
        v.close()
    return path, secret_file(folder, PASSPHRASE), ids


def _check(vault: tuple[Path, Path, list[int]], *extra: str, case: str = "1", env=None):
    path, secret, _ids = vault
    return run(
        "check-wording", str(path), "--passphrase-file", str(secret), "--case", case, *extra,
        env=env,
    )  # fmt: skip


def test_findings_are_listed_tab_separated_and_the_exit_code_says_so(vault) -> None:
    _path, _secret, ids = vault
    result = _check(vault)
    assert result.code == 6
    rows = [line.split("\t") for line in result.out.splitlines()]
    assert [r[:5] for r in rows] == [
        [str(ids[0]), "14 March 2025", "summary", "chose-to", "choosing to hang"],
        [str(ids[0]), "14 March 2025", "summary", "associating", "hang around with older boys"],
        [str(ids[0]), "14 March 2025", "summary", "self-risk", "putting himself at risk"],
        [str(ids[3]), "14 March 2025", "summary", "jargon-looked-after", "CLA review"],
    ]
    assert all(len(r) == 6 and r[5] for r in rows)  # a suggestion on every line
    assert "[Name]" in rows[2][5]
    assert result.err.strip() == "4 wording findings in 2 entries."


def test_a_case_without_findings_exits_0(vault) -> None:
    result = _check(vault, case="2")
    assert (result.code, result.out, result.err.strip()) == (0, "", "No wording findings.")


def test_an_organisations_rules_file_is_used(vault, tmp_path: Path) -> None:
    rules = tmp_path / "wording-rules.toml"
    rules.write_text(
        'off = ["chose-to", "associating", "self-risk", "jargon-looked-after"]\n',
        encoding="utf-8",
    )
    assert _check(vault, "--rules", str(rules)).code == 0
    assert _check(vault, env={"FFTIMELINE_WORDING_RULES": str(rules)}).code == 0


def test_a_broken_rules_file_is_one_plain_line_and_the_built_in_rules_still_work(
    vault, tmp_path: Path
) -> None:
    rules = tmp_path / "wording-rules.toml"
    rules.write_text('off = ["chose-to"]\n[severity\n', encoding="utf-8")
    result = _check(vault, "--rules", str(rules))
    assert result.code == 6
    first = result.err.splitlines()[0]
    assert first.startswith("wording-rules.toml, line 2:")
    assert first.endswith("None of it is used; the built-in rules are.")
    assert "chose-to" in result.out


def test_an_unknown_case_is_exit_code_19(vault) -> None:
    result = _check(vault, case="99")
    assert result.code == 19
    assert result.out == ""


def _export(vault, out: Path, audience: str):
    path, secret, _ids = vault
    return run(
        "export", str(path), "--passphrase-file", str(secret), "--case", "1",
        "--audience", audience, "--out", str(out),
        "--recipients", "Strategy meeting members", "--purpose", "Strategy meeting",
    )  # fmt: skip


def test_export_prints_the_count_of_findings_going_out(vault, tmp_path: Path) -> None:
    team = _export(vault, tmp_path / "team.xlsx", "strategy-meeting")
    assert team.code == 0, team.err
    assert team.err.splitlines()[-1] == (
        "3 wording findings in the entries going out; review them with: "
        "fftimeline check-wording work.fft --case 1."
    )
    parents = _export(vault, tmp_path / "parents.xlsx", "parents-carers")
    assert parents.code == 0, parents.err
    assert parents.err.splitlines()[-1] == (
        "4 wording findings in the entries going out: this document is for the family to "
        "read, so review them with: fftimeline check-wording work.fft --case 1."
    )
