import { describeExample } from '../shared/describe-example.js';
import { startFastify } from '../shared/start-example.js';

describeExample('examples/fastify', startFastify);
