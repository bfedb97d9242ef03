import { defineWebExtConfig } from 'wxt';

// No display on CI or on the development machines: never try to open a browser from `wxt dev`.
export default defineWebExtConfig({ disabled: true });
