<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB" sourcelanguage="en_GB">
<context>
    <name></name>
    <message>
        <source>Source withheld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source withheld ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All five</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All but {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes: {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No: {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} at {time}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About fftimeline</source>
        <translation>Ynghylch fftimeline</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>New case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pronouns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key person history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship to the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team around the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give each family member&apos;s name and relationship.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the name of each person in the team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New case…</source>
        <translation type="unfinished">Achos newydd…</translation>
    </message>
    <message>
        <source>New case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit case…</source>
        <translation type="unfinished">Golygu&apos;r achos…</translation>
    </message>
    <message>
        <source>Edit the selected case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People, places, vehicles…</source>
        <translation type="unfinished">Pobl, lleoedd, cerbydau…</translation>
    </message>
    <message>
        <source>People, places and vehicles linked to the selected case</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Newid y cyfrinymadrodd</translation>
    </message>
    <message>
        <source>The vault will be re-encrypted under the new passphrase. Anyone who knew the old one will no longer be able to open it. Copies and backups made before now still open with the old passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation type="unfinished">Cyfrinymadrodd newydd</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation type="unfinished">Y cyfrinymadrodd newydd eto</translation>
    </message>
    <message>
        <source>Current passphrase:</source>
        <translation>Cyfrinymadrodd presennol:</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Cyfrinymadrodd newydd:</translation>
    </message>
    <message>
        <source>Same again:</source>
        <translation>Yr un peth eto:</translation>
    </message>
    <message>
        <source>Ready to change.</source>
        <translation>Yn barod i newid.</translation>
    </message>
    <message>
        <source>Type the passphrase you use now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a new passphrase: a few unrelated words is strong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new passphrase is the same as the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the new passphrase again to check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-encrypting the vault under the new passphrase. This takes a few seconds and cannot be stopped half-way; please wait.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase is changed. Use the new one from now on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomAudienceDialog</name>
    <message>
        <source>New audience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the audience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: Youth justice team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gets the entries shared with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this audience sees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also sees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the audience a name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>e.g. 12/3/25</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 12/3/25, March 2025, around 2024</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the date was understood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give one day here, for example 12/3/25.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisclosuresDialog</name>
    <message>
        <source>What was shared, and with whom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose or lawful basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disclosure register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}
Check code (SHA-256): {sha}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been exported from this case yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryDetail</name>
    <message>
        <source>Selected entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an entry to read it in full here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryEditorDialog</name>
    <message>
        <source>Amend entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is needed to save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History…</source>
        <translation type="unfinished">Hanes…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation type="unfinished">Tynnu&apos;n ôl…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the entry (%1 or %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say when it happened, even roughly: for example March 2025.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To save, say when it happened and what happened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not ready to save. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has changed, so there is nothing to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the amendment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why are you changing this entry? The earlier version is kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source>More: date learned, impact, outcome, grading, linked people and places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show more fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When did it happen?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What kind?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One line, in plain words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How do we know?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose opinion?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name and role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who told us?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why withhold?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why withhold the source?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why withhold a professional?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Professionals are normally named: say why not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family&apos;s view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How serious?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What will be done, urgently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who owns it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who owns the next action?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or: why no action?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why no action is being taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safe to share with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who told us: name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who told us: role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who told us: agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who told us: a person, agency or document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A professional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withhold: not safe to name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the family says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family&apos;s position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why not share with %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why not? (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When did we learn of it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effect on the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handling conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked people, places and vehicles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graded (3x5x2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handling code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export for an audience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New audience…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an audience built on one of the usual ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the child&apos;s full name (otherwise initials)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kinds of entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who will receive it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose or lawful basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it is being shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protect the file with a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished">Dewis…</translation>
    </message>
    <message>
        <source>Choose where to save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the file will be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the folder: {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the password by a different route from the file (for example by phone, not in the same email).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This export is not protected: anyone who gets the file can read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Those words are not in the entry as recorded. Select words that do not include a name that is already replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the export as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheet (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say who will receive the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why it is being shared (purpose or lawful basis).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the file a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {path}
Recorded in What was shared (the disclosure register).
Details: the file&apos;s check code (SHA-256) is {sha}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check code shows later that the file has not been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldRegistry</name>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by how we know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by how serious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by who it is safe to share with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by linked person, place or vehicle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter from date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show withdrawn entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How we know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How serious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safe to share with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From / to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>fftimeline help</source>
        <translation>Cymorth fftimeline</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of this entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions of this entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen version in full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every version is kept. Choose one to read it in full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Lock when idle…</source>
        <translation>Cloi pan nad oes neb yn ei ddefnyddio…</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>&amp;Claddgell</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>Newid y cyfrinymadrodd…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Gadael</translation>
    </message>
    <message>
        <source>fftimeline help</source>
        <translation>Cymorth fftimeline</translation>
    </message>
    <message>
        <source>About fftimeline</source>
        <translation>Ynghylch fftimeline</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>C&amp;ymorth</translation>
    </message>
    <message>
        <source>That case is not in this vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cases yet: choose “New case…” to add a child.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Wedi&apos;i gadw.</translation>
    </message>
    <message>
        <source>Withdrawn. It stays in the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported, and recorded as a disclosure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} entries shown</source>
        <translation>Yn dangos {shown} o {total} cofnod</translation>
    </message>
    <message>
        <source>{total} entries</source>
        <translation>{total} cofnod</translation>
    </message>
    <message>
        <source>fftimeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Entry</source>
        <translation>+ Cofnod</translation>
    </message>
    <message>
        <source>Add an entry</source>
        <translation>Ychwanegu cofnod</translation>
    </message>
    <message>
        <source>Open or amend…</source>
        <translation>Agor neu ddiwygio…</translation>
    </message>
    <message>
        <source>Open the entry</source>
        <translation>Agor y cofnod</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Hanes…</translation>
    </message>
    <message>
        <source>Every version</source>
        <translation>Pob fersiwn</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>Tynnu&apos;n ôl…</translation>
    </message>
    <message>
        <source>Withdraw the entry, with a reason</source>
        <translation>Tynnu&apos;r cofnod yn ôl, gyda rheswm</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Allforio…</translation>
    </message>
    <message>
        <source>What was shared…</source>
        <translation>Beth a rannwyd…</translation>
    </message>
    <message>
        <source>The disclosure register: every export of this case, to whom and why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Cloi</translation>
    </message>
    <message>
        <source>Lock the vault now</source>
        <translation>Cloi&apos;r gladdgell nawr</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Chwilio</translation>
    </message>
    <message>
        <source>Search this case</source>
        <translation>Chwilio&apos;r achos hwn</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Hidlwyr</translation>
    </message>
    <message>
        <source>Show or hide the filters</source>
        <translation>Dangos neu guddio&apos;r hidlwyr</translation>
    </message>
    <message>
        <source>Hide names</source>
        <translation>Cuddio enwau</translation>
    </message>
    <message>
        <source>Show initials instead of children&apos;s names</source>
        <translation>Dangos llythrennau blaen yn lle enwau plant</translation>
    </message>
    <message>
        <source>New case…</source>
        <translation>Achos newydd…</translation>
    </message>
    <message>
        <source>Edit case…</source>
        <translation>Golygu&apos;r achos…</translation>
    </message>
    <message>
        <source>People, places, vehicles…</source>
        <translation>Pobl, lleoedd, cerbydau…</translation>
    </message>
    <message>
        <source>New task…</source>
        <translation>Tasg newydd…</translation>
    </message>
    <message>
        <source>Chronology</source>
        <translation>Cronoleg</translation>
    </message>
    <message>
        <source>Case shown</source>
        <translation>Yr achos a ddangosir</translation>
    </message>
    <message>
        <source>Main tools</source>
        <translation>Prif offer</translation>
    </message>
    <message>
        <source>Search:</source>
        <translation>Chwilio:</translation>
    </message>
    <message>
        <source>&amp;Entry</source>
        <translation>C&amp;ofnod</translation>
    </message>
    <message>
        <source>V&amp;iew</source>
        <translation>&amp;Golwg</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>e.g. 12/3/25</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a date, for example 12/3/25 or 3 May 2025. Empty: {empty}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick {name} from a calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the date was understood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar for {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can&apos;t read this date. Try 12/3/25.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give one day, e.g. 12/3/25.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>understood as: {day}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeopleTable</name>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a row to {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the row from {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Save with this reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RedactionPreviewWidget</name>
    <message>
        <source>Entries of the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The full entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the audience will see</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is included and left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redact selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the selected words from this audience in this entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words hidden by hand in this entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden by hand from this audience:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the chosen words again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop hiding the chosen words from this audience in this entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What {audience} will see</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out: {why}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>People, places and vehicles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role or description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also known as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Third party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register of this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, place, registration, number or handle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role label or description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: an adult male, a friend of the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other names, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Third party: hide their name in anything shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetractDialog</name>
    <message>
        <source>Reason for withdrawing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw “{summary}” ({date})?
It is not deleted: it stays in the history, marked “Withdrawn”, with your reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is it withdrawn?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: recorded on the wrong child&apos;s file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw the entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the entry is withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search this case (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the chronology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type words to find entries. Esc clears the search.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <source>&lt;h2&gt;Welcome to fftimeline&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Croeso i fftimeline&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>fftimeline keeps the chronologies of the children you work with in one encrypted file, called a vault. Nothing leaves this computer unless you export it.</source>
        <translation>Mae fftimeline yn cadw cronolegau&apos;r plant rydych chi&apos;n gweithio gyda nhw mewn un ffeil wedi&apos;i hamgryptio, o&apos;r enw claddgell. Nid oes dim yn gadael y cyfrifiadur hwn oni bai eich bod chi&apos;n ei allforio.</translation>
    </message>
    <message>
        <source>Create a new vault…</source>
        <translation>Creu claddgell newydd…</translation>
    </message>
    <message>
        <source>Open an existing vault…</source>
        <translation>Agor claddgell sy&apos;n bodoli…</translation>
    </message>
    <message>
        <source>Open the demo vault</source>
        <translation>Agor y gladdgell enghreifftiol</translation>
    </message>
    <message>
        <source>&lt;h2&gt;fftimeline&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>Claddgell</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Newid…</translation>
    </message>
    <message>
        <source>Choose another vault</source>
        <translation>Dewis claddgell arall</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Cyfrinymadrodd:</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Datgloi</translation>
    </message>
    <message>
        <source>New vault…</source>
        <translation>Claddgell newydd…</translation>
    </message>
    <message>
        <source>Open demo vault</source>
        <translation>Agor y gladdgell enghreifftiol</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Create a new vault&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Creu claddgell newydd&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Not chosen yet</source>
        <translation>Heb ei dewis eto</translation>
    </message>
    <message>
        <source>Where the vault will be kept</source>
        <translation>Ble bydd y gladdgell yn cael ei chadw</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Dewis…</translation>
    </message>
    <message>
        <source>Choose where to keep the vault</source>
        <translation>Dewis ble i gadw&apos;r gladdgell</translation>
    </message>
    <message>
        <source>Where to keep it:</source>
        <translation>Ble i&apos;w chadw:</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Cyfrinymadrodd newydd</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Y cyfrinymadrodd newydd eto</translation>
    </message>
    <message>
        <source>Same again:</source>
        <translation>Yr un peth eto:</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Cryfder y cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Yn ôl</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>Creu&apos;r gladdgell</translation>
    </message>
    <message>
        <source>Keep the vault in your own Documents folder on this computer, not on a shared drive or in a folder that copies to the internet (OneDrive, Dropbox, iCloud).</source>
        <translation>Cadwch y gladdgell yn eich ffolder Dogfennau eich hun ar y cyfrifiadur hwn, nid ar yriant a rennir nac mewn ffolder sy&apos;n copïo i&apos;r rhyngrwyd (OneDrive, Dropbox, iCloud).</translation>
    </message>
    <message>
        <source>Vault: %1</source>
        <translation>Claddgell: %1</translation>
    </message>
    <message>
        <source>Type the vault&apos;s passphrase.</source>
        <translation>Teipiwch gyfrinymadrodd y gladdgell.</translation>
    </message>
    <message>
        <source>Choose a passphrase: a few unrelated words is strong and easy to type.</source>
        <translation>Dewiswch gyfrinymadrodd: mae ychydig o eiriau digyswllt yn gryf ac yn hawdd eu teipio.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same yet.</source>
        <translation>Nid yw&apos;r ddau gyfrinymadrodd yr un fath eto.</translation>
    </message>
    <message>
        <source>This passphrase is strong enough. Type it again to check it.</source>
        <translation>Mae&apos;r cyfrinymadrodd hwn yn ddigon cryf. Teipiwch ef eto i&apos;w wirio.</translation>
    </message>
    <message>
        <source>The passphrases match. Now choose where to keep the vault.</source>
        <translation>Mae&apos;r cyfrinymadroddion yn cyfateb. Nawr dewiswch ble i gadw&apos;r gladdgell.</translation>
    </message>
    <message>
        <source>This passphrase is strong enough.</source>
        <translation>Mae&apos;r cyfrinymadrodd hwn yn ddigon cryf.</translation>
    </message>
    <message>
        <source>Where to keep the new vault</source>
        <translation>Ble i gadw&apos;r gladdgell newydd</translation>
    </message>
    <message>
        <source>Open a vault</source>
        <translation>Agor claddgell</translation>
    </message>
    <message>
        <source>Demo vault</source>
        <translation>Claddgell enghreifftiol</translation>
    </message>
    <message>
        <source>The demo vault holds invented children and families only.

Its passphrase is: %1

You need it to unlock this demo vault again later. (&apos;Open demo vault&apos; always makes a fresh one.)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>New task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is to be done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who owns it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What came of it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <source>Tasks for this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New task…</source>
        <translation type="unfinished">Tasg newydd…</translation>
    </message>
    <message>
        <source>New task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit task…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected task</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>fftimeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong. Nothing was changed. If it happens again, restart fftimeline.</source>
        <translation>Aeth rhywbeth o&apos;i le. Ni newidiwyd dim. Os bydd yn digwydd eto, ailgychwynnwch fftimeline.</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Lock when idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock fftimeline after this many minutes without use:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have not saved this entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this as a draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carry on editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You were writing an entry when fftimeline locked. Carry on with it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You were writing %1 entries when fftimeline locked. Carry on with them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carry on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Later” keeps it safe in the vault; you will be asked again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the unsaved entry?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard what you were writing? It cannot be got back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>start</name>
    <message>
        <source>Message</source>
        <translation>Neges</translation>
    </message>
</context>
<context>
    <name>words</name>
    <message>
        <source>Withdrawn: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
