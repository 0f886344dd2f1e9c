/** Where the ECB publishes the euro foreign exchange reference rates. */
export const ECB_BASE_URL = 'https://www.ecb.europa.eu/stats/eurofxref/';

export type EcbUrls = { daily: string; last90Days: string; historyZip: string };

/** The URLs of the daily XML, the last-90-days XML and the zipped history CSV under `base`. */
export function ecbUrls(base: string = ECB_BASE_URL): EcbUrls {
  return {
    daily: `${base}eurofxref-daily.xml`,
    last90Days: `${base}eurofxref-hist-90d.xml`,
    historyZip: `${base}eurofxref-hist.zip`,
  };
}
