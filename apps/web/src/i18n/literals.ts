import ts from 'typescript';

/**
 * Finds user-facing text written straight into the web app's code instead of the catalogue: JSX text,
 * user-facing attributes (aria-label, title, placeholder, alt, label…) given a string, and sentence-like
 * string literals anywhere else (a toast, a table header, an error). Used by literals.spec.ts over all
 * of apps/web/src; a line that must stay as written (a brand name, an example address) carries the
 * comment `i18n-exempt` and why.
 */
export interface Literal {
  line: number;
  text: string;
}

const USER_FACING_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-valuetext',
  'aria-roledescription',
  'title',
  'placeholder',
  'alt',
  'label',
  'description',
  'hint',
  'noun',
  'heading',
  'subtitle',
  'eyebrow',
  'emptyText',
  'confirmLabel',
  'cancelLabel',
  'actionLabel',
  'loadingText',
  'text',
  'message',
]);

/** Attributes and keys whose strings are code, not text. */
const CODE_ATTRIBUTES = new Set([
  'className',
  'class',
  'id',
  'htmlFor',
  'href',
  'to',
  'path',
  'type',
  'name',
  'role',
  'key',
  'method',
  'autoComplete',
  'inputMode',
  'lang',
  'rel',
  'target',
  'variant',
  'size',
  'tone',
  'kind',
  'as',
  'viewBox',
  'd',
  'fill',
  'stroke',
  'transform',
  'textAnchor',
  'dominantBaseline',
  'pattern',
  'accept',
  'form',
  'align',
  'scope',
  'headers',
  'aria-describedby',
  'aria-labelledby',
  'aria-controls',
  'aria-live',
  'aria-current',
  'aria-haspopup',
  'aria-autocomplete',
  'aria-sort',
]);

/** Calls whose string arguments are ids or code: the catalogue's own, routing, queries, URLs, logging. */
const CODE_CALLS =
  /^(t|tr|msg|formatMessage|useT|navigate|fetch|api|get|post|put|patch|del|delete|request|useQuery|useMutation|querySelector|querySelectorAll|getElementById|addEventListener|removeEventListener|setAttribute|getAttribute|startsWith|endsWith|includes|split|join|replace|replaceAll|match|test|matchAll|localeCompare|toLocaleString|toLocaleDateString|Intl\..*|new Intl\..*|console\..*|searchParams\..*|params\..*|URLSearchParams|encodeURIComponent|createElement|Error|RegExp|require|import|it|describe|expect|invalidateQueries|setQueryData|useSearchParams|useParams|matchPath|lazy)$/;

const hasWords = (text: string): boolean => /\p{L}{2,}/u.test(text);
/** A literal that reads as words for a person: letters and a space, or a capitalised word. */
const sentenceLike = (text: string): boolean => /\p{L}{2,}[^\n]*\s[^\n]*\p{L}/u.test(text.trim()) || /^\p{Lu}\p{Ll}+[.!?…]?$/u.test(text.trim());
const codeLike = (text: string): boolean =>
  /^[a-z0-9_.:/-]+$/i.test(text) ||
  (/^[\w-]+(\s[\w-]+)*$/.test(text) && /(^|\s)[a-z0-9]+(-[a-z0-9]+)+(\s|$)|__|--/.test(text)) ||
  /^(\/|https?:|mailto:|#|\.)/.test(text) ||
  (/[{}<>;=]/.test(text) && !/\s\p{L}+\s/u.test(text));

function calleeName(call: ts.CallExpression | ts.NewExpression): string {
  const expr = call.expression;
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr))
    return ts.isIdentifier(expr.expression) && /^(console|Intl|searchParams|params)$/.test(expr.expression.text)
      ? `${expr.expression.text}.${expr.name.text}`
      : expr.name.text;
  return '';
}

function attributeName(node: ts.JsxAttribute): string {
  return node.name.getText();
}

/** Whether a string literal in this position is code (an id, a key, a comparison), not text for a person. */
function isCodePosition(node: ts.Node): boolean {
  let child: ts.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isImportTypeNode(parent) || ts.isLiteralTypeNode(parent)) return true;
    if (ts.isJsxAttribute(parent)) {
      const name = attributeName(parent);
      return (
        CODE_ATTRIBUTES.has(name) ||
        name.startsWith('data-') ||
        (!USER_FACING_ATTRIBUTES.has(name) && !(ts.isTemplateExpression(node) || sentenceLike((node as ts.StringLiteral).text)))
      );
    }
    if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
      const args: readonly ts.Node[] = parent.arguments ?? [];
      if (args.includes(child) && CODE_CALLS.test(calleeName(parent))) return true;
    }
    if (ts.isPropertyAssignment(parent) && parent.name === child) return true;
    if (ts.isPropertyAssignment(parent) && parent.initializer === child) {
      const key = parent.name.getText().replace(/['"]/g, '');
      if (
        CODE_ATTRIBUTES.has(key) ||
        /^(queryKey|mutationKey|method|headers|credentials|mode|cache|id|href|url|path|key|sort|order|field|column|accessor|testId|icon|format|unit|style|timeZone|locale|currency|dateStyle|timeStyle)$/.test(
          key,
        )
      )
        return true;
    }
    if (ts.isElementAccessExpression(parent) && parent.argumentExpression === child) return true;
    if (ts.isBinaryExpression(parent) && /^(===|!==|==|!=)$/.test(parent.operatorToken.getText())) return true;
    if (ts.isCaseClause(parent) && parent.expression === child) return true;
    if (ts.isTypeNode(parent)) return true;
    if (ts.isBlock(parent) || ts.isSourceFile(parent)) return false;
  }
  return false;
}

export function findLiterals(fileName: string, code: string): Literal[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lines = code.split('\n');
  const exempt = (pos: number): boolean => {
    const line = source.getLineAndCharacterOfPosition(pos).line;
    return /i18n-exempt/.test(lines[line] ?? '') || /i18n-exempt/.test(lines[line - 1] ?? '');
  };
  const found: Literal[] = [];
  const report = (node: ts.Node, text: string) => {
    if (exempt(node.getStart(source))) return;
    found.push({ line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, text: text.trim().replace(/\s+/g, ' ') });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (hasWords(node.text)) report(node, node.text);
    } else if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
      const name = attributeName(node);
      const text = node.initializer.text;
      if (USER_FACING_ATTRIBUTES.has(name) && hasWords(text) && !codeLike(text)) report(node, `${name}="${text}"`);
      return;
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (sentenceLike(node.text) && !codeLike(node.text) && !isCodePosition(node)) report(node, node.text);
    } else if (ts.isTemplateExpression(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' … ');
      if (/\p{L}{2,}\s+\p{L}{2,}/u.test(parts) && !codeLike(parts.replace(/ … /g, '')) && !isCodePosition(node)) report(node, parts);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
