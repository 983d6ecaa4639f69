import { listen } from '../../test/support/http.js';
import { describeExample } from '../shared/describe-example.js';
import { createApp } from './app.js';

describeExample('examples/koa', (mounts) => listen(createApp(mounts).callback()));
