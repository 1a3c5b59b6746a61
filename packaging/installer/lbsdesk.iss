; Inno Setup 6 script for the LBS Desk installer on Windows.
;
; Build (on Windows, after "python packaging\build.py" has made dist\lbsdesk\):
;     iscc packaging\installer\lbsdesk.iss
; Output: dist\installer\LBS-Desk-<version>-setup.exe
; The CI workflow .github/workflows/windows-build.yml does both steps on a Windows runner.
;
; What it does, and why:
; - Installs for the current user only, with NO administrator rights (PrivilegesRequired=lowest):
;   agency staff rarely have them. The program goes to %LOCALAPPDATA%\Programs\LBS Desk, like other
;   per-user programs; its uninstaller is registered under HKCU.
; - Start-menu shortcuts for the app (and "LBS Desk command line", a console in the program folder),
;   and a desktop shortcut (ticked by default; the user may untick it).
; - No file associations: LBS Desk opens its own database; it claims no file types.
; - The version comes from the built lbsdesk.exe's version resource (made by packaging/lbsdesk.spec
;   from lbsdesk.__version__), so it is never typed here.
; - Uninstalling removes the program but KEEPS the data folder (the database, its backups, the logs)
;   unless the user ticks "Also delete my LBS Desk data" on the uninstaller's own page.

#define AppName "LBS Desk"
#define AppExe "lbsdesk.exe"
#define CliExe "lbsdesk-cli.exe"
#define DistDir AddBackslash(SourcePath) + "..\..\dist\lbsdesk"
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(DistDir + "\" + AppExe, "ProductVersion")
#endif
; platformdirs' user folders for appname "LBS Desk", appauthor "LBS Desk" (lbsdesk/paths.py):
; data  %LOCALAPPDATA%\LBS Desk\LBS Desk          (the database and backups\)
; logs  %LOCALAPPDATA%\LBS Desk\LBS Desk\Logs
; settings (QSettings): HKCU\Software\LBS Desk\LBS Desk
#define DataDir "{localappdata}\LBS Desk"

[Setup]
; A fixed id: keep it for every version, so a new installer upgrades the old installation in place.
AppId={{6E0C5B7A-3F0E-4C7B-9A0D-2B1F4C8E7D15}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=LBS Desk
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ChangesAssociations=no
ChangesEnvironment=no
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#SourcePath}..\..\dist\installer
OutputBaseFilename=LBS-Desk-{#AppVersion}-setup
SetupIconFile={#SourcePath}..\..\resources\icons\lbsdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running LBS Desk before replacing its files (it saves on close).
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[CustomMessages]
english.DesktopShortcut=Put an LBS Desk shortcut on the desktop
french.DesktopShortcut=Placer un raccourci LBS Desk sur le bureau
english.CommandLine=LBS Desk command line
french.CommandLine=LBS Desk en ligne de commande
english.RemoveDataTitle=Your LBS Desk data
french.RemoveDataTitle=Vos données LBS Desk
english.RemoveDataText=LBS Desk is being removed. Your database, its backups and the logs are kept in %1, so a new installation finds them again.
french.RemoveDataText=LBS Desk va être désinstallé. Votre base de données, ses sauvegardes et les journaux restent dans %1 ; une nouvelle installation les retrouvera.
english.RemoveDataBox=Also delete my LBS Desk data (learners, referrals, backups). This cannot be undone.
french.RemoveDataBox=Supprimer aussi mes données LBS Desk (apprenants, aiguillages, sauvegardes). C'est irréversible.

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopShortcut}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; The whole one-folder build: both executables and the _internal folder they share.
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundled libraries wholesale, so nothing of an older build lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autoprograms}\{cm:CommandLine}"; Filename: "{cmd}"; Parameters: "/k {#CliExe} --help"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself writes next to its files; never the data folder (see [Code]
var
  RemoveData: Boolean;  { the user's answer, kept from InitializeUninstall to the end of the uninstall }

function DataFolder(): String;
begin
  Result := ExpandConstant('{#DataDir}');
end;

{ The uninstaller has no wizard pages of its own: ask with a small form, once, before removing. }
function InitializeUninstall(): Boolean;
var
  Form: TSetupForm;
  Text: TNewStaticText;
  Box: TNewCheckBox;
  OkButton: TNewButton;
begin
  Result := True;
  RemoveData := False;
  if UninstallSilent() or not DirExists(DataFolder()) then
    Exit;
  Form := CreateCustomForm();
  try
    Form.Caption := CustomMessage('RemoveDataTitle');
    Form.ClientWidth := ScaleX(440);
    Form.ClientHeight := ScaleY(150);
    Text := TNewStaticText.Create(Form);
    Text.Parent := Form;
    Text.Left := ScaleX(12);
    Text.Top := ScaleY(12);
    Text.Width := Form.ClientWidth - ScaleX(24);
    Text.WordWrap := True;
    Text.Caption := FmtMessage(CustomMessage('RemoveDataText'), [DataFolder()]);
    Box := TNewCheckBox.Create(Form);
    Box.Parent := Form;
    Box.Left := ScaleX(12);
    Box.Top := ScaleY(72);
    Box.Width := Form.ClientWidth - ScaleX(24);
    Box.Height := ScaleY(34);
    Box.Caption := CustomMessage('RemoveDataBox');
    Box.Checked := False;  { keeping the data is the default }
    OkButton := TNewButton.Create(Form);
    OkButton.Parent := Form;
    OkButton.Caption := SetupMessage(msgButtonOK);
    OkButton.Left := Form.ClientWidth - ScaleX(87);
    OkButton.Top := ScaleY(115);
    OkButton.Width := ScaleX(75);
    OkButton.Height := ScaleY(23);
    OkButton.ModalResult := mrOk;
    OkButton.Default := True;
    Form.ActiveControl := OkButton;
    Form.ShowModal();
    RemoveData := Box.Checked;
  finally
    Form.Free();
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and RemoveData then
  begin
    DelTree(DataFolder(), True, True, True);
    RegDeleteKeyIncludingSubkeys(HKEY_CURRENT_USER, 'Software\LBS Desk');
  end;
end;
