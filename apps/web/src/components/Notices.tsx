import { ApiError } from '../api/client';
import { useT } from '../i18n/locale';

export function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/** An error in plain words: the API's own message (it says what is wrong), else a generic one. */
export function ErrorNotice({ error }: { error: unknown }) {
  const t = useT();
  let text: string;
  if (error instanceof ApiError) {
    if (error.status === 403) text = t('error.forbidden', { message: error.message });
    else if (error.status === 404) text = t('error.notFound', { message: error.message });
    else if (error.status === 409) text = t('error.conflict', { message: error.message });
    else if (error.status >= 500) text = t('error.server');
    else text = error.message;
  } else text = t('error.network');
  return (
    <div className="notice notice-error" role="alert">
      {text}
    </div>
  );
}
