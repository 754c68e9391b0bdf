// A local OpenID Connect provider for the tests (oidc-provider, an ES module: hence a child process). Listens on
// 127.0.0.1 at a free port and prints {"issuer": "..."} as its first line of stdout. Configured by environment:
//   OIDC_TEST_CLIENT  JSON {client_id, client_secret, redirect_uris, post_logout_redirect_uris}
//   OIDC_TEST_USERS   JSON {"<login>": {email, email_verified, name, groups}}: the login typed at the provider is the sub.
// The provider's own development login and consent pages (devInteractions) are used: any password is accepted.
import http from 'node:http';
import Provider from 'oidc-provider';

const client = JSON.parse(process.env.OIDC_TEST_CLIENT ?? '{}');
const users = JSON.parse(process.env.OIDC_TEST_USERS ?? '{}');

const server = http.createServer();
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [{ grant_types: ['authorization_code'], response_types: ['code'], ...client }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['drijfveer-test-provider-cookie-key'] },
    async findAccount(_ctx, sub) {
      const user = users[sub];
      if (!user) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...user }) };
    },
  });
  // The provider warns about plain HTTP and its development pages: expected here.
  provider.on('server_error', (_ctx, err) => console.error('provider server_error', err));
  server.on('request', provider.callback());
  console.log(JSON.stringify({ issuer }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
