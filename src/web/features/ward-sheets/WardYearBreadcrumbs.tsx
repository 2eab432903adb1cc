import { Link } from '@tanstack/react-router';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import { Breadcrumbs } from '../../components/Breadcrumbs';

/** 部区・年度を選ぶ › <ward and year> › <current>: the trail of every page about one ward year. */
export function WardYearBreadcrumbs(props: {
  fiscalYear: number;
  wardName: string;
  municipality: string | undefined;
  current: string;
}) {
  const { fiscalYear, wardName, municipality, current } = props;
  const wardLabel = municipality ? `${municipality} ${wardName}` : wardName;
  return (
    <Breadcrumbs
      items={[
        <Link key="home" to="/">
          部区・年度を選ぶ
        </Link>,
        <Link
          key="ward"
          to="/years/$fiscalYear/wards/$wardName"
          params={{ fiscalYear, wardName }}
          search={municipality ? { municipality } : {}}
        >
          {`${wardLabel} ${formatFiscalYear(fiscalYear)}`}
        </Link>,
      ]}
      current={current}
    />
  );
}
