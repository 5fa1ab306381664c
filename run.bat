@echo off
rem Starts lanchat with every argument passed through (run.bat --help lists them).
rem Builds target\lanchat.jar first when it is missing or older than the sources.
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%target\lanchat.jar"

where java >nul 2>nul
if errorlevel 1 (
  echo lanchat: java was not found, install Java 17 or newer 1>&2
  exit /b 1
)

set "BUILD="
if not exist "%JAR%" set "BUILD=1"
if not defined BUILD (
  for /f %%i in ('powershell -NoProfile -Command "$j = (Get-Item -LiteralPath '%JAR%').LastWriteTime; @(Get-ChildItem -LiteralPath '%HERE%pom.xml','%HERE%src\main' -Recurse -File | Where-Object { $_.LastWriteTime -gt $j }).Count"') do (
    if not "%%i"=="0" set "BUILD=1"
  )
)

if defined BUILD (
  where mvn >nul 2>nul
  if errorlevel 1 (
    echo lanchat: target\lanchat.jar needs building, and mvn was not found 1>&2
    exit /b 1
  )
  echo lanchat: building target\lanchat.jar, the first build takes a while ... 1>&2
  pushd "%HERE%"
  rem The build's output is shown only if it fails, and then on stderr: stdout stays clean for --json.
  call mvn -q -B package -DskipTests > "%TEMP%\lanchat-build.log" 2>&1
  if errorlevel 1 (
    type "%TEMP%\lanchat-build.log" 1>&2
    echo lanchat: the build failed, see above 1>&2
    popd
    exit /b 1
  )
  popd
)

java -jar "%JAR%" %*
exit /b %ERRORLEVEL%
