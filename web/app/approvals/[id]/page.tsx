/** /approvals/<id>: the approval's reading page. */
import { readingRoute } from '../../../features/reading/reading-route';

const route = readingRoute('approval');
export const generateMetadata = route.generateMetadata;
export default route.Page;
