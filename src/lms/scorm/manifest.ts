// imsmanifest.xml for a SCORM 1.2 package: one organization with one item,
// launched from index.html, a single SCO (it talks to the platform's API).
// The namespaces and schema locations are those of the ADL SCORM 1.2
// content-packaging documents (IMS CP 1.1.2 with the ADL adlcp extension).
import { escapeHtml } from '../moodleXml';

export interface ManifestInput {
  readonly identifier: string;
  readonly title: string;
  readonly files: readonly string[];
}

/** An XML ID: letters, digits, "-", "_", ".", starting with a letter. */
export function xmlId(text: string): string {
  const id = text.replace(/[^A-Za-z0-9_.-]/g, '-');
  return /^[A-Za-z_]/.test(id) ? id : `id-${id}`;
}

export function imsManifest({ identifier, title, files }: ManifestInput): string {
  const id = xmlId(identifier);
  const t = escapeHtml(title);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${t}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${t}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
${files.map((f) => `      <file href="${escapeHtml(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}
