import { describeExample } from '../common/describe-example.js';
import { startFetch } from '../common/start-example.js';

describeExample('examples/fetch', startFetch);
