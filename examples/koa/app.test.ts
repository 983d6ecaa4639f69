import { describeExample } from '../common/describe-example.js';
import { startKoa } from '../common/start-example.js';

describeExample('examples/koa', startKoa);
