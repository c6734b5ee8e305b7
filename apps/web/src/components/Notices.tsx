import { ApiError } from '../api/client';
import { apiErrorMessage } from '../i18n/api-problems';
import { useLocale, useT } from '../i18n/locale';

export function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/**
 * An error in plain words. In English: the API's own message (it says what is wrong and what to do). In
 * another language: the console's sentence for the error's code (or its status), with the API's English
 * message beside it as the detail (marked lang="en").
 */
export function ErrorNotice({ error }: { error: unknown }) {
  const t = useT();
  const { locale } = useLocale();
  let text: string;
  let detail: string | null = null;
  if (error instanceof ApiError) {
    const codeMessage = apiErrorMessage(error.body?.code);
    if (error.status >= 500) text = t('error.server');
    else if (locale !== 'en') {
      text =
        codeMessage !== null
          ? t(codeMessage)
          : error.status === 403
            ? t('error.status403')
            : error.status === 404
              ? t('error.status404')
              : error.status === 409
                ? t('error.status409')
                : t('error.invalid');
      detail = error.message;
    } else if (error.status === 403) text = t('error.forbidden', { message: error.message });
    else if (error.status === 404) text = t('error.notFound', { message: error.message });
    else if (error.status === 409) text = t('error.conflict', { message: error.message });
    else text = error.message;
  } else text = t('error.network');
  return (
    <div className="notice notice-error" role="alert">
      {text}
      {detail && (
        <>
          {' '}
          <span className="problem-detail">
            {t('problem.detail')} <span lang="en">{detail}</span>
          </span>
        </>
      )}
    </div>
  );
}
