/**
 * The public sources the shipped definitions cite (step `sources`, definition `sources`). One place, so a
 * corrected address is corrected everywhere.
 *
 * Checked on 2026-12-02 against what the search tools find (issue 10): `src` addresses were found (the page
 * itself, or the address cited by a public page); `unverified` ones could not be confirmed and say so in the
 * API and in docs/processes.
 */
import type { SourceRef } from '../../contracts/src/i18n';

const src = (title: string, url: string): SourceRef => ({ title, url });
const unverified = (title: string, url: string): SourceRef => ({ title, url, unverified: true });

export const SOURCES = {
  tablingPolicy: src(
    'Policy on Tabling of Treaties in Parliament (Global Affairs Canada, Treaty Law Division)',
    'https://www.treaty-accord.gc.ca/procedures.aspx?lang=eng',
  ),
  treatyLaw: src(
    'Canada Treaty Information: treaty law and procedures (treaty-accord.gc.ca)',
    'https://www.treaty-accord.gc.ca/',
  ),
  mlacma: src(
    'Mutual Legal Assistance in Criminal Matters Act, R.S.C. 1985, c. 30 (4th Supp.), s. 5 (publication in the Canada Treaty Series)',
    'https://laws-lois.justice.gc.ca/eng/acts/M-13.6/page-1.html',
  ),
  // Not found by the search tools (other translations were): kept, marked.
  constitutionJapan: unverified(
    'The Constitution of Japan, arts. 60, 61, 73(3) (English translation, Prime Minister of Japan and His Cabinet)',
    'https://japan.kantei.go.jp/constitution_and_government_of_japan/constitution_e.html',
  ),
  // The law id 321CONSTITUTION was found (mirrors of e-Gov's data), not this address itself.
  constitutionJapanJa: unverified(
    '日本国憲法 第60条・第61条・第73条第3号 (e-Gov 法令検索)',
    'https://laws.e-gov.go.jp/law/321CONSTITUTION',
  ),
  mofaTreaties: src(
    '外務省 条約 (条約の締結手続, 条約データ検索)',
    'https://www.mofa.go.jp/mofaj/gaiko/treaty/index.html',
  ),
  ndlTreatyGuide: src(
    '国立国会図書館 リサーチ・ナビ 「日本-条約の調べ方(日本語資料を用いた調べ方)」',
    'https://ndlsearch.ndl.go.jp/rnavi/politics/jouyaku_nihon',
  ),
  // Article 102's text was found elsewhere; this address itself was not.
  unCharter102: unverified(
    'Charter of the United Nations, art. 102 (registration of treaties)',
    'https://www.un.org/en/about-us/un-charter/full-text',
  ),
  unTreatyRegistration: src(
    'United Nations Treaty Collection: registration and publication',
    'https://treaties.un.org/',
  ),
  treatyLawDivision: src(
    'Global Affairs Canada, Treaty Law Division: legal advice on treaties and non-binding arrangements; maintains a Registry of non-treaty arrangements or understandings (MOUs)',
    'https://www.treaty-accord.gc.ca/section.aspx?lang=eng',
  ),
  // The House's calendar page was not found by the search tools (see libs/calendars: approximate calendar).
  ourCommonsCalendar: unverified(
    'House of Commons: sitting calendar',
    'https://www.ourcommons.ca/en/sitting-calendar',
  ),
} as const;
