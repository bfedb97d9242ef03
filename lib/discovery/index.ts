export { discoverAccounts } from './discover';
export { accountOfLink } from './link-url';
export {
  type CandidateStatus,
  candidateStatus,
  platformsWithoutAccount,
  type StatusedAccount,
  withStatus,
} from './status';
export type { DiscoveredAccount, DiscoveredLink, DiscoveryResult, Evidence, Where } from './types';
