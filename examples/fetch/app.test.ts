import { describeExample } from '../shared/describe-example.js';
import { startFetch } from '../shared/start-example.js';

describeExample('examples/fetch', startFetch);
