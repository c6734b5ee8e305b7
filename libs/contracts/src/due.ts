/**
 * What the computeDues activity answers the workflow: `key → ISO instant` for each request, and for a due time
 * computed beyond published calendar data (a House of Commons sitting-day count on an approximate calendar or
 * past its years; Diet days outside the published sessions) also `key + DUE_PROJECTED_SUFFIX → 'projected'`.
 * An extra key rather than a new shape, so histories recorded before it replay unchanged (no flag: exact).
 */
export const DUE_PROJECTED_SUFFIX = '+projected';
