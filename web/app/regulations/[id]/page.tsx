/** /regulations/<id>: the regulation's reading page. */
import { readingRoute } from '../../../features/reading/reading-route';

const route = readingRoute('regulation');
export const generateMetadata = route.generateMetadata;
export default route.Page;
