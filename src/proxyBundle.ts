// Entry of dist/proxyAgent.js: undici's ProxyAgent, loaded by the client only when a proxy carries its requests.
export { ProxyAgent } from 'undici';
