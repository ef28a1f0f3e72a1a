; 年报助手 — per-user installer (NSIS 3). No administrator rights: everything goes to the clerk's own
; %LOCALAPPDATA%\Programs\年报助手 and HKCU. Build (build-windows.ps1 does this):
;   makensis -DVERSION=0.1.0 -DSOURCE_DIR=build\dist\nianbao-zhushou -DOUTFILE=build\setup.exe installer.nsi
; -DCHECK_ONLY stores the files uncompressed (CI compiles the script with the Linux folder, as a check only).
Unicode true
ManifestDPIAware true
RequestExecutionLevel user

!ifndef VERSION
  !error "makensis -DVERSION=x.y.z"
!endif
!ifndef SOURCE_DIR
  !error "makensis -DSOURCE_DIR=<the folder built by PyInstaller>"
!endif
!ifndef OUTFILE
  !define OUTFILE "nianbao-zhushou-${VERSION}-setup.exe"
!endif
!ifdef CHECK_ONLY
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif

!define APP "年报助手"
!define EXE "nianbao.exe"
!define PROGID "nianbao-zhushou.draft"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\nianbao-zhushou"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP} ${VERSION}"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "WinVer.nsh"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "现在打开${APP}"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!define MUI_UNCONFIRMPAGE_TEXT_TOP "将删除${APP}程序本身。您的报告草稿、导出的文档、设置和自动保存的恢复副本都会保留。"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

; VIProductVersion needs four numbers; VERSION is any PEP 440 string (0.2.0rc1, 1.0.post2, 1!2.0+local):
; its release numbers, padded with 0, make it (0.2.0rc1 → 0.2.0.0). FileVersion/ProductVersion keep VERSION as is.
!searchparse /noerrors "${VERSION}+" "" _V_PUBLIC "+"                ; local part dropped
!searchparse /noerrors "${_V_PUBLIC}" "" _V_EPOCH "!" _V_AFTER_EPOCH
!ifdef _V_AFTER_EPOCH
  !define /redef _V_PUBLIC "${_V_AFTER_EPOCH}"
!endif
!define _V_CUT "${_V_PUBLIC}"
!macro _V_STOP_AT MARK                                               ; everything from the first pre/post/dev mark
  !searchreplace _V_MARKED "${_V_CUT}" "${MARK}" "|"
  !searchparse /noerrors "${_V_MARKED}|" "" _V_HEAD "|"
  !define /redef _V_CUT "${_V_HEAD}"
  !undef _V_MARKED _V_HEAD
!macroend
!macro _V_STOP_AT_ANY MARK
  !insertmacro _V_STOP_AT ".${MARK}"
  !insertmacro _V_STOP_AT "-${MARK}"
  !insertmacro _V_STOP_AT "_${MARK}"
  !insertmacro _V_STOP_AT "${MARK}"
!macroend
!insertmacro _V_STOP_AT_ANY "a"        ; a, alpha
!insertmacro _V_STOP_AT_ANY "b"        ; b, beta
!insertmacro _V_STOP_AT_ANY "c"        ; c
!insertmacro _V_STOP_AT_ANY "r"        ; rc, rev, r
!insertmacro _V_STOP_AT_ANY "p"        ; pre, preview, post
!insertmacro _V_STOP_AT_ANY "d"        ; dev
!insertmacro _V_STOP_AT "-"            ; 1.0-1 (a post-release)
!searchparse /noerrors "${_V_CUT}.0.0.0." "" _V1 "." _V2 "." _V3 "."
VIProductVersion "${_V1}.${_V2}.${_V3}.0"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${APP}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${APP} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "${APP}"

; The bundle needs Windows 10 (Qt 6 imports its icuuc.dll; Python's cryptography its ProcessPrng).
Function .onInit
  ${IfNot} ${AtLeastBuild} 10240
    MessageBox MB_OK|MB_ICONSTOP "${APP}需要 Windows 10 或更高版本，无法安装在这台电脑上。$\r$\n请在 Windows 10 或 Windows 11 的电脑上安装。" /SD IDOK
    Abort
  ${EndIf}
FunctionEnd

; A running copy holds its .exe: Windows refuses to open it for writing. Ask the clerk to close it (saving the
; report first) before any file is replaced or removed; in a silent run, stop with an error instead.
!macro CLOSE_RUNNING_COPY UN
Function ${UN}CloseRunningCopy
  retry:
  StrCpy $1 ""
  ${If} ${FileExists} "$INSTDIR\nianbao.exe"
    ClearErrors
    FileOpen $0 "$INSTDIR\nianbao.exe" a
    ${If} ${Errors}
      StrCpy $1 "running"
    ${Else}
      FileClose $0
    ${EndIf}
  ${EndIf}
  ${If} ${FileExists} "$INSTDIR\nianbao-cli.exe"
    ClearErrors
    FileOpen $0 "$INSTDIR\nianbao-cli.exe" a
    ${If} ${Errors}
      StrCpy $1 "running"
    ${Else}
      FileClose $0
    ${EndIf}
  ${EndIf}
  ${If} $1 == "running"
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${APP}正在运行。请先保存报告并关闭${APP}（包括正在运行的 nianbao-cli 命令），然后点「重试」。" /SD IDCANCEL IDRETRY retry
    SetErrorLevel 3
    Quit
  ${EndIf}
FunctionEnd
!macroend
!insertmacro CLOSE_RUNNING_COPY ""
!insertmacro CLOSE_RUNNING_COPY "un."

Section "${APP}（必需）" SecApp
  SectionIn RO
  SetShellVarContext current
  Call CloseRunningCopy
  SetOutPath "$INSTDIR"
  RMDir /r "$INSTDIR\_internal"          ; an update must not keep files of the previous version
  File /r "${SOURCE_DIR}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  ; 「打开方式」 for .json drafts: offered in Explorer's list, never made the default program of .json.
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "${APP}草稿"
  WriteRegStr HKCU "Software\Classes\${PROGID}" "FriendlyTypeName" "${APP}草稿"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  WriteRegStr HKCU "Software\Classes\.json\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}" "FriendlyAppName" "${APP}"
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}\SupportedTypes" ".json" ""
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'   ; SHCNE_ASSOCCHANGED
SectionEnd

Section "桌面快捷方式" SecDesktop
  SetShellVarContext current
  CreateShortcut "$DESKTOP\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecApp} "程序本身、开始菜单中的快捷方式，以及在「打开方式」中列出${APP}（不会改变 .json 文件的默认程序）。"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "在桌面上放一个${APP}的快捷方式。"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; Removes only what the installer put there: drafts (wherever the clerk saved them, even in this folder),
; settings (HKCU\Software\nianbao-zhushou) and recovery copies (%APPDATA%\nianbao-zhushou) stay.
Section "Uninstall"
  SetShellVarContext current
  Call un.CloseRunningCopy
  Delete "$SMPROGRAMS\${APP}.lnk"
  Delete "$DESKTOP\${APP}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\nianbao.exe"
  Delete "$INSTDIR\nianbao-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"                       ; only if empty: a draft saved here keeps the folder

  DeleteRegValue HKCU "Software\Classes\.json\OpenWithProgids" "${PROGID}"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegKey HKCU "Software\Classes\Applications\${EXE}"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
