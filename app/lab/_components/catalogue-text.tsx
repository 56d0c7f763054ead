import { splitInlineCode } from '@/lib/lab/inline-code';

/** A catalogue sentence with its `code` parts drawn as code. */
export function CatalogueText({ text }: { text: string }) {
  return (
    <>
      {splitInlineCode(text).map((part, index) =>
        part.code ? (
          <code key={index} className="rounded bg-slate-200 px-1 text-[0.9em]">
            {part.text}
          </code>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
