// Takes the README screenshot from a running production server (npm start):
//   npx tsx scripts/screenshot.ts [baseUrl] [path] [out]
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../test/e2e/chromium';

const [base = 'http://localhost:3000', path = '/chapters/095-azure-ml-pipelines-batch-inference', out = 'public/screenshot.png'] = process.argv.slice(2);
const browser = await chromium.launch({ ...(findChromium() && { executablePath: findChromium() as string }), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(base + path, { waitUntil: 'networkidle' });
await page.screenshot({ path: out });
await browser.close();
console.log(`wrote ${out}`);
