// The journeys in WebKit, the engine of every iPhone browser and of WeChat on iOS:
// Debian's WebKitGTK MiniBrowser through WebKitWebDriver, under Xvfb.
import { journeys } from './journeys.mjs';
import { startWebKit } from './webdriver.mjs';

journeys('WebKit', startWebKit);
