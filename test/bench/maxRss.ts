// Preloaded with `node -r` into a process the benchmark measures: on exit it writes the process's peak RSS
// (bytes) and CPU time (ms) as JSON to the file named by BLOGWRIGHT_MAX_RSS_FILE, since a parent cannot read a
// child's peak portably.
import { writeFileSync } from 'node:fs';

const file = process.env['BLOGWRIGHT_MAX_RSS_FILE'];
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRss: usage.maxRSS * 1024, cpu: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
}
