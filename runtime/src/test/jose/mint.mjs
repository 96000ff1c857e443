// Reads one JSON request on stdin and prints what it asks for, made with the jose library:
//   {"keys": "RS256" | "ES256"}                        -> {"privateJwk": ..., "jwks": {"keys": [public]}}
//   {"alg": "HS256", "secret": "...", "claims": {...}}  -> a token signed with the secret
//   {"alg": "RS256", "privateJwk": {...}, "claims": {...}, "kid": "..."} -> a token signed with the key
//   {"alg": "none", "claims": {...}}                     -> an unsigned token
// Times in claims are seconds since the epoch, as in JWTs.
import * as jose from 'jose';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));

if (request.keys) {
  const { publicKey, privateKey } = await jose.generateKeyPair(request.keys, { extractable: true });
  const publicJwk = { ...(await jose.exportJWK(publicKey)), kid: request.kid ?? 'test-key', alg: request.keys, use: 'sig' };
  const privateJwk = { ...(await jose.exportJWK(privateKey)), kid: request.kid ?? 'test-key', alg: request.keys };
  process.stdout.write(JSON.stringify({ privateJwk, jwks: { keys: [publicJwk] } }));
} else if (request.alg === 'none') {
  process.stdout.write(new jose.UnsecuredJWT(request.claims).encode());
} else {
  const key = request.alg.startsWith('HS')
    ? new TextEncoder().encode(request.secret)
    : await jose.importJWK(request.privateJwk, request.alg);
  const header = { alg: request.alg, typ: 'JWT' };
  if (request.kid) header.kid = request.kid;
  process.stdout.write(await new jose.SignJWT(request.claims).setProtectedHeader(header).sign(key));
}
