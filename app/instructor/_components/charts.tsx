"use client";

import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/**
 * Bar charts of the analytics page (recharts draws SVG in the browser). Each chart is a
 * figure with a caption; the page also renders the numbers as tables for screen readers
 * and keyboard users.
 */
export function HistogramChart({ data, label }: { data: Array<{ band: string; count: number }>; label: string }) {
  return (
    <figure style={{ margin: 0 }} aria-label={label}>
      <ResponsiveContainer width="100%" height={200}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="band" fontSize={11} interval={1} />
          <YAxis allowDecimals={false} fontSize={11} width={32} />
          <Tooltip />
          <Bar dataKey="count" fill="#1f5fbf" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

export function TimelineChart({ data, label, dueLabel }: { data: Array<{ hour: number; count: number }>; label: string; dueLabel: string }) {
  return (
    <figure style={{ margin: 0 }} aria-label={label}>
      <ResponsiveContainer width="100%" height={200}>
        <BarChart data={data} margin={{ top: 16, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="hour" fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} width={32} />
          <Tooltip />
          <ReferenceLine x={0} stroke="#b42318" label={{ value: dueLabel, fontSize: 11, position: "top" }} />
          <Bar dataKey="count" fill="#067647" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

export function MasteryChart({ data, label }: { data: Array<{ topic: string; percent: number }>; label: string }) {
  return <ItemPercentChart data={data.map((d) => ({ item: d.topic, percent: d.percent }))} label={label} minHeight={200} rowHeight={24} fill="#7a4fc4" />;
}

/** One bar per item (a question, a test, a topic), as a percentage: difficulty, pass rate, mastery… */
export function ItemPercentChart({
  data,
  label,
  minHeight = 160,
  rowHeight = 26,
  fill = "#1f5fbf",
}: {
  data: Array<{ item: string; percent: number }>;
  label: string;
  minHeight?: number;
  rowHeight?: number;
  fill?: string;
}) {
  return (
    <figure style={{ margin: 0 }} aria-label={label}>
      <ResponsiveContainer width="100%" height={Math.max(minHeight, data.length * rowHeight)}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 100]} unit="%" fontSize={11} />
          <YAxis type="category" dataKey="item" width={190} fontSize={11} />
          <Tooltip />
          <Bar dataKey="percent" fill={fill} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
