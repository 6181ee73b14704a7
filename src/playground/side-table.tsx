// The side panel's tables (Excel's calls, Word's controls): one look, a header row, then a row each.
import type { ReactNode } from "react";

export function SideTable(props: { testId: string; columns: string[]; children: ReactNode }) {
  return (
    <table style={{ borderCollapse: "collapse", width: "100%" }} data-testid={props.testId}>
      <thead>
        <tr style={{ textAlign: "left" }}>
          {props.columns.map((column) => (
            <th key={column}>{column}</th>
          ))}
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
}
