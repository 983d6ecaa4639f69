import { describeExample } from '../shared/describe-example.js';
import { startKoa } from '../shared/start-example.js';

describeExample('examples/koa', startKoa);
