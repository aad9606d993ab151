; Inno Setup script for the PyInstaller bundle built on Windows (dist\imagehq-ocr).
; The version comes from pyproject.toml: compile with
;   iscc /DAppVersion=0.1.0 packaging\windows\imagehq-ocr.iss
; (.github/workflows/package.yml reads it with tomllib and passes it).
#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=X.Y.Z imagehq-ocr.iss
#endif

[Setup]
; The AppId identifies the app for upgrades and uninstall: never change it.
AppId={{6F0C8E52-3B7A-4C1E-9D2A-5E4B7A1C9F30}
AppName=ImageHQ OCR
AppVersion={#AppVersion}
AppVerName=ImageHQ OCR {#AppVersion}
AppPublisher=ImageHQ OCR team
AppPublisherURL=https://imagehq.io/
AppSupportURL=https://imagehq.io/
DefaultDirName={autopf}\ImageHQ OCR
DefaultGroupName=ImageHQ OCR
DisableProgramGroupPage=yes
LicenseFile=..\..\LICENSE
SetupIconFile=..\..\resources\icons\imagehq-ocr.ico
UninstallDisplayIcon={app}\imagehq-ocr.exe
OutputDir=..\..\dist
OutputBaseFilename=imagehq-ocr-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "autostart"; Description: "Start ImageHQ OCR in the tray when I sign in"; GroupDescription: "Start-up:"; Flags: unchecked

[Files]
Source: "..\..\dist\imagehq-ocr\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\ImageHQ OCR"; Filename: "{app}\imagehq-ocr.exe"
Name: "{group}\Capture screen region"; Filename: "{app}\imagehq-ocr.exe"; Parameters: "capture"
Name: "{group}\{cm:UninstallProgram,ImageHQ OCR}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\ImageHQ OCR"; Filename: "{app}\imagehq-ocr.exe"; Tasks: desktopicon

[Registry]
; The Run value Settings -> "Start ImageHQ OCR in the tray when I log in" writes (app/autostart.py)
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "ImageHQ OCR"; ValueData: """{app}\imagehq-ocr.exe"" --background"; Flags: uninsdeletevalue; Tasks: autostart

[Run]
Filename: "{app}\imagehq-ocr.exe"; Description: "{cm:LaunchProgram,ImageHQ OCR}"; Flags: nowait postinstall skipifsilent

[Code]
{ Tesseract ships inside the bundle (tesseract\ next to the exe); a system one is used when the
  user configures it. On uninstall, the user's results and settings are kept unless they say
  otherwise. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\imagehq-ocr');
    if DirExists(DataDir) then
      if MsgBox('Also delete your ImageHQ OCR results, history and settings in ' + DataDir + '?',
                mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(DataDir, True, True, True);
  end;
end;
