export * from './validate';
export * from './load';
export * from './roles';
export * from './catalogue';
export { INITIATIVES } from './initiatives';
export { agreementEntryIntoForce } from './shipped/agreement-entry-into-force';
export { implementingArrangement } from './shipped/implementing-arrangement';
export { tradeMission } from './shipped/trade-mission';
