import { describeExample } from '../common/describe-example.js';
import { startFastify } from '../common/start-example.js';

describeExample('examples/fastify', startFastify);
