#!/usr/bin/env node
'use strict';
// rif's own code through the code cache (src/boot.ts), else the ES modules of dist/ as they are
const { join } = require('node:path');
const main = require('../dist/boot.cjs').loadMain(join(__dirname, '..', 'dist'));
if (main) main();
else import('../dist/main.js').then((m) => m.main());
