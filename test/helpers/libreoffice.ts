import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Opens workbooks in LibreOffice with every formula recalculated on load (whatever results they
 * cached) and saves them as .xlsx into `outDir`: what a form looks like after a person filled it
 * in and a spreadsheet program saved it. A fresh profile under `workDir` holds that setting.
 */
export function recalculateInLibreOffice(workDir: string, files: readonly string[], outDir: string): void {
  const profile = join(workDir, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(
    join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  execFileSync('libreoffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', outDir, ...files], {
    stdio: 'pipe',
    timeout: 180_000,
  });
}
