"""The wording check in the app: underlines as you type, the case-wide list, the notice.

- `underline` / `surfaces` / `card`: underline findings in a text field, with a card that
  says why and offers alternatives to click;
- `marks`: "their own words" / "accurate here" marks with a short reason;
- `editor_hook`: checks every free-text field of the entry editor;
- `findings_dialog`: every finding in a case, each a click from its entry;
- `notice`: "3 wording findings in the entries going out" for export and print dialogs.
"""
