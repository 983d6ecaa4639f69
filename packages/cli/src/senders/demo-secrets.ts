/**
 * The public demo secrets: `hookguard demo` signs with them, and the apps in the repository's
 * examples/ fall back to the same values when their environment variable is unset, so
 * `hookguard send <provider> <fixture> --secret <value>` is answered 2xx by a freshly started
 * example. Each one is public; nothing may be deployed with them.
 */
export const DEMO_SECRETS = {
  onebot: 'hookguard-demo-onebot',
  whatsapp: 'hookguard-demo-whatsapp',
  tencentChat: 'hookguard-demo-tencent',
  github: 'hookguard-demo-github',
  standardWebhooks: `whsec_${Buffer.from('hookguard-demo-standard-webhooks').toString('base64')}`,
  hmac: 'hookguard-demo-hmac',
  gitlab: 'hookguard-demo-gitlab',
} as const;
