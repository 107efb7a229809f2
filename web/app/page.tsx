/** 搜索, the hub's front page: the search box, and results once there is something to search. */
import { Suspense } from 'react';
import { Loading } from '../features/common/states';
import { SearchPage } from '../features/search/search-page';

export default function Home() {
  return (
    <Suspense fallback={<Loading />}>
      <SearchPage />
    </Suspense>
  );
}
