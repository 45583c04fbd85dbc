; Inno Setup script for fftimeline (Windows installer). Built by .github/workflows/package.yml:
;   iscc /DAppVersion=0.1.0 /DDist=build\dist\fftimeline /DOut=build\installer packaging\windows\fftimeline.iss
; Installs per user (no administrator rights needed) into %LOCALAPPDATA%\Programs\fftimeline,
; adds a Start-menu entry, and an uninstaller that removes the program only: vaults are the
; user's own files (kept wherever they chose, normally Documents) and are never touched, and
; neither are the app's settings or its demo vault in %APPDATA%\fftimeline.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef Dist
  #define Dist "..\..\build\dist\fftimeline"
#endif
#ifndef Out
  #define Out "..\..\build\installer"
#endif

[Setup]
AppId={{6F1B9D1E-3C1A-4B5E-9A57-0F2C8E6D4A11}
AppName=fftimeline
AppVersion={#AppVersion}
AppPublisher=fftimeline
DefaultDirName={autopf}\fftimeline
DefaultGroupName=fftimeline
DisableProgramGroupPage=yes
; Per-user install: the program sits in the user's profile like the vaults it opens.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Out}
OutputBaseFilename=fftimeline-{#AppVersion}-windows-setup
SetupIconFile=..\..\resources\icons\fftimeline.ico
UninstallDisplayIcon={app}\fftimeline.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
; The whole one-folder build: fftimeline.exe (window), fftimeline-cli.exe (commands), _internal\.
Source: "{#Dist}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\fftimeline"; Filename: "{app}\fftimeline.exe"; Comment: "Encrypted chronologies"
Name: "{group}\Uninstall fftimeline"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\fftimeline.exe"; Description: "{cm:LaunchProgram,fftimeline}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself wrote into its own folder. Vaults (*.fft) live in the user's
; Documents and settings in %APPDATA%: neither is listed here, so both stay.
Type: filesandordirs; Name: "{app}\_internal"
