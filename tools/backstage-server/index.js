// SPDX-License-Identifier: GPL-3.0-or-later
// A Backstage backend with the catalog plugin only (new backend system, plain CommonJS).
const { createBackend } = require('@backstage/backend-defaults');
const backend = createBackend();
backend.add(require('@backstage/plugin-catalog-backend').default);
backend.start();
