/**
 * The `If-Match` header of a conditional write: the tag read with what is shown, so someone else's change in between is a
 * 412, never silently overwritten. None when no tag is known (the server then writes unconditionally).
 */
export const ifMatch = (etag: string | null | undefined): { 'If-Match'?: string } => (etag ? { 'If-Match': etag } : {});
