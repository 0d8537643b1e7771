import { registerEnumType } from 'type-graphql';
import { MeetingKind, NodeType, OrganisationKind, PracticeKind, SourceKind } from '../../model/index.js';

registerEnumType(NodeType, { name: 'NodeType', description: 'Every node type of the graph.' });
registerEnumType(OrganisationKind, { name: 'OrganisationKind' });
registerEnumType(PracticeKind, { name: 'PracticeKind', description: 'Mindset, skill, routine or something the organisation must provide.' });
registerEnumType(MeetingKind, { name: 'MeetingKind' });
registerEnumType(SourceKind, { name: 'SourceKind', description: 'ILLUSTRATIVE sources hold made-up data (synthetic: true).' });

export { MeetingKind, NodeType, OrganisationKind, PracticeKind, SourceKind };
