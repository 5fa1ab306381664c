@echo off
rem Starts lanchat with every argument passed through (run.bat --help lists them).
rem Builds target\lanchat.jar first when it is missing or older than the sources, with the Maven Wrapper
rem (mvnw.cmd), so a JDK 17+ is all that is needed. Everything this script says goes to standard error;
rem standard output belongs to lanchat (--json). Exit code 2: a set-up problem (no Java, too old, no JDK).
rem Flow by goto, not by ( blocks ): a path with parentheses, e.g. "Program Files (x86)", would end a block.
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%target\lanchat.jar"
set "HINT=install a JDK 17 or newer, see Getting Java in the README, or set JAVA_HOME to one"

set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
if not "%JAVA%"=="java" goto :version
where java >nul 2>nul
if not errorlevel 1 goto :version
echo lanchat: Java was not found; %HINT% 1>&2
exit /b 2

:version
rem "17.0.15", "21", "1.8.0_392": the first number, or the second after a leading "1.".
set "JVER="
for /f "tokens=3" %%v in ('call "%JAVA%" -version 2^>^&1 ^| findstr /i version') do if not defined JVER set "JVER=%%~v"
set "MAJOR=0"
for /f "tokens=1,2 delims=._-+" %%a in ("%JVER%") do if "%%a"=="1" (set "MAJOR=%%b") else (set "MAJOR=%%a")
set /a MAJOR=%MAJOR% 2>nul || set "MAJOR=0"
if %MAJOR% GEQ 17 goto :stale
echo lanchat: "%JAVA%" is Java %JVER%; lanchat needs 17 or newer: %HINT% 1>&2
exit /b 2

:stale
if not exist "%JAR%" goto :build
set "NEWER=0"
for /f %%i in ('powershell -NoProfile -Command "$j = (Get-Item -LiteralPath '%JAR%').LastWriteTime; @(Get-ChildItem -LiteralPath '%HERE%pom.xml','%HERE%src\main' -Recurse -File | Where-Object { $_.LastWriteTime -gt $j }).Count"') do set "NEWER=%%i"
if "%NEWER%"=="0" goto :run

:build
set "JAVAC=javac"
if not "%JAVA%"=="java" set "JAVAC=%JAVA:java.exe=javac.exe%"
if not "%JAVAC%"=="javac" if exist "%JAVAC%" goto :compile
if "%JAVAC%"=="javac" where javac >nul 2>nul && goto :compile
echo lanchat: building needs a JDK with javac, and only a Java runtime was found; %HINT% 1>&2
exit /b 2

:compile
echo lanchat: building target\lanchat.jar; the first build also downloads Maven and the libraries ... 1>&2
pushd "%HERE%"
rem The wrapper always, so the build is the one CI runs. cmd cannot filter a stream as it arrives, so
rem Maven's own step lines are the progress, on stderr; download lines are left out (-ntp).
call mvnw.cmd -B -ntp -DskipTests package 1>&2
if errorlevel 1 goto :failed
popd
goto :run

:failed
popd
echo lanchat: the build failed, see above 1>&2
exit /b 1

:run
rem The same JVM settings as run.sh (the reasons are there); LANCHAT_JAVA_OPTS comes last to override them.
"%JAVA%" -Xms4m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -XX:+ExitOnOutOfMemoryError %LANCHAT_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
