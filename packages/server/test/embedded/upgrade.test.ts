/**
 * Upgrades of the embedded database: a data directory created and filled by 89fc381 on PGlite (the
 * ledger before the posting function, the hash chain and unified records) is opened by this code,
 * which runs migrations 0004–0007 on it (test/support/upgradeSuite.ts). The other commit and the
 * schema comparison run on PostgreSQL (test/postgres/upgrade.test.ts): a PGlite process costs ~700 MB
 * and tens of seconds to start on a busy machine, so this file starts one.
 */
import { describeUpgrades } from '../support/upgradeSuite.js';

describeUpgrades({ commits: ['89fc381'] });
