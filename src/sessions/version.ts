// The extension's name and version as sent in the User-Agent header (a unit test keeps it equal to package.json).
export const PRODUCT_NAME = 'xendit-sessions-playground';
export const PRODUCT_VERSION = '0.1.0';
export const USER_AGENT = `${PRODUCT_NAME}/${PRODUCT_VERSION}`;
