/** /meetings/<id>: the meeting's reading page. */
import { readingRoute } from '../../../features/reading/reading-route';

const route = readingRoute('meeting');
export const generateMetadata = route.generateMetadata;
export default route.Page;
