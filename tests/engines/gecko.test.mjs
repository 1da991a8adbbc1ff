// The journeys in Gecko (Firefox): Debian's firefox-esr through puppeteer-core over
// WebDriver BiDi, headless.
import { journeys } from './journeys.mjs';
import { startGecko } from './gecko.mjs';

journeys('Gecko', startGecko);
