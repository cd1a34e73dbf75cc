; Inno Setup script for KPI Desk (built by installers\windows\build.ps1, which passes AppVersion).
; Per-user install without administrator rights by default; the user may choose all users.
; The database lives in %LOCALAPPDATA%\KPI Desk (platformdirs), outside the install folder, so the
; uninstaller never touches it.
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6C7B0F3E-2B8E-4C55-9A2E-8B1C0D5E7A41}
AppName=KPI Desk
AppVersion={#AppVersion}
AppVerName=KPI Desk {#AppVersion}
AppPublisher=KPI Desk
DefaultDirName={autopf}\KPI Desk
DefaultGroupName=KPI Desk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\build\installer
OutputBaseFilename=KPI-Desk-Setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\kpi-desk.ico
UninstallDisplayIcon={app}\kpi-desk.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible
VersionInfoVersion={#AppVersion}

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; GroupDescription: "Shortcuts:"; Flags: unchecked

[Files]
Source: "..\..\build\dist\kpi-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\KPI Desk"; Filename: "{app}\kpi-desk.exe"
Name: "{group}\Uninstall KPI Desk"; Filename: "{uninstallexe}"
Name: "{autodesktop}\KPI Desk"; Filename: "{app}\kpi-desk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\kpi-desk.exe"; Description: "Start KPI Desk"; Flags: nowait postinstall skipifsilent
