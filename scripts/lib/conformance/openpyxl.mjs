// The openpyxl side of scripts/conformance.mjs: Debian's /usr/bin/python3 with python3-openpyxl,
// values as Excel last calculated them (data_only=True). One Python process reads a list of files
// (each under an alarm, so one file cannot hold up the rest) and prints one JSON line per file.
import { spawn, spawnSync } from 'node:child_process';

export const PYTHON = process.env.DTI_CONFORMANCE_PYTHON ?? '/usr/bin/python3';

const SOURCE = String.raw`
import sys, json, signal, datetime, warnings
warnings.simplefilter('ignore')
import openpyxl
from openpyxl.cell.cell import MergedCell

class Late(Exception):
    pass

def late(signum, frame):
    raise Late()

signal.signal(signal.SIGALRM, late)
timeout = int(sys.argv[1])

def value(v):
    # Typed as the comparison wants them: ['n', x], ['s', text], ['b', bool], ['d', iso], ['t', hh:mm:ss], ['e', code]
    if v is None:
        return None
    if isinstance(v, bool):
        return ['b', v]
    if isinstance(v, (int, float)):
        return ['n', v]
    if isinstance(v, datetime.datetime):
        return ['d', v.isoformat()]
    if isinstance(v, datetime.date):
        return ['d', v.isoformat()]
    if isinstance(v, datetime.time):
        return ['t', v.isoformat()]
    if isinstance(v, datetime.timedelta):
        return ['n', v.total_seconds() / 86400]
    s = str(v)
    if s in ('#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA'):
        return ['e', s]
    return ['s', s]

for line in sys.stdin:
    path = line.rstrip('\n')
    if not path:
        continue
    out = {'file': path}
    signal.alarm(timeout)
    try:
        wb = openpyxl.load_workbook(path, data_only=True)
        sheets = []
        for ws in wb.worksheets:
            cells = []
            for (r, c), cell in ws._cells.items():
                if isinstance(cell, MergedCell):
                    continue
                v = value(cell.value)
                if v is not None:
                    cells.append([r, c, v])
            sheets.append({'name': ws.title, 'cells': cells})
        out['sheets'] = sheets
    except Late:
        out['error'] = 'timeout'
    except BaseException as e:
        out['error'] = type(e).__name__ + ': ' + str(e)[:200]
    finally:
        signal.alarm(0)
    sys.stdout.write(json.dumps(out) + '\n')
    sys.stdout.flush()
`;

/** Whether openpyxl can be imported; the reason when it cannot. */
export function openpyxlStatus() {
  const r = spawnSync(PYTHON, ['-c', 'import openpyxl; print(openpyxl.__version__)'], { encoding: 'utf8' });
  if (r.error) return { ok: false, reason: `${PYTHON}: ${r.error.code ?? r.error.message}` };
  if (r.status !== 0) return { ok: false, reason: `${PYTHON} cannot import openpyxl (apt-get install python3-openpyxl)` };
  return { ok: true, version: r.stdout.trim() };
}

/**
 * Reads the files with openpyxl in `processes` Python processes, each handed the next file when
 * it has answered for the last; resolves to Map(file → result). A file that outlives the alarm
 * comes back as { error: 'timeout' }.
 */
export function readWithOpenpyxl(files, { processes = 1, timeoutSeconds = 30 } = {}) {
  const queue = [...files];
  const results = new Map();
  const count = Math.max(1, Math.min(processes, files.length));
  return Promise.all(Array.from({ length: count }, () => runOne(queue, results, timeoutSeconds))).then(() => results);
}

function runOne(queue, results, timeoutSeconds) {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, ['-c', SOURCE, String(timeoutSeconds)], { stdio: ['pipe', 'pipe', 'pipe'] });
    let current;
    let buffer = '';
    let stderr = '';
    const feed = () => {
      current = queue.shift();
      if (current === undefined) child.stdin.end();
      else child.stdin.write(`${current}\n`);
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.trim() === '') continue;
        const r = JSON.parse(line);
        results.set(r.file, r);
        feed();
      }
    });
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', () => {
      // The file the process died on comes back as an error, not as nothing; the rest stay queued for the others.
      if (current !== undefined && !results.has(current)) results.set(current, { file: current, error: `openpyxl process ended: ${stderr.trim().split('\n').pop() ?? ''}` });
      resolve();
    });
    feed();
  });
}
