; Inno Setup script for the PyInstaller bundle built on Windows (dist\imagehq-ocr).
[Setup]
AppName=ImageHQ OCR
AppVersion=0.1.0
DefaultDirName={autopf}\ImageHQ OCR
DefaultGroupName=ImageHQ OCR
OutputBaseFilename=imagehq-ocr-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible

[Files]
Source: "..\..\dist\imagehq-ocr\*"; DestDir: "{app}"; Flags: recursesubdirs

[Icons]
Name: "{group}\ImageHQ OCR"; Filename: "{app}\imagehq-ocr.exe"
Name: "{group}\Capture screen region"; Filename: "{app}\imagehq-ocr.exe"; Parameters: "capture"

[Code]
function InitializeSetup(): Boolean;
begin
  Result := True;
  if not FileExists(ExpandConstant('{autopf}\Tesseract-OCR\tesseract.exe')) then
    MsgBox('ImageHQ OCR needs Tesseract. Install it with: winget install UB-Mannheim.TesseractOCR', mbInformation, MB_OK);
end;
