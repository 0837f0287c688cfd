<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DataWindow</name>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="83"/>
        <source>Data in and out</source>
        <translation>数据导入导出</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="95"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="96"/>
        <source>CSV for Excel (.csv)</source>
        <translation>CSV 文本，Excel 可直接打开（.csv）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="97"/>
        <source>GeoJSON (.geojson)</source>
        <translation>GeoJSON（.geojson）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="98"/>
        <source>KML for globe tools (.kml)</source>
        <translation>KML，用于奥维、Google 地球等（.kml）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="99"/>
        <source>Public disclosure list (.xlsx)</source>
        <translation>信息公开清单（.xlsx）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="102"/>
        <source>Export the ledger as shown…</source>
        <translation>导出当前显示的台账…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="105"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="107"/>
        <source>Writes the outfalls the ledger window shows now (its search and filters).</source>
        <translation>导出台账窗口当前显示的排污口（按当前搜索和筛选条件）。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="113"/>
        <source>Choose a ledger file…</source>
        <translation>选择台账文件…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="115"/>
        <source>No file chosen</source>
        <translation>尚未选择文件</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="116"/>
        <source>Import only the rows without errors</source>
        <translation>只导入没有错误的行</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="117"/>
        <source>Check on this laptop</source>
        <translation>在本机检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="120"/>
        <source>Import to the server</source>
        <translation>导入到服务器</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="123"/>
        <source>Import a bureau ledger (supervisors)</source>
        <translation>导入局台账（监管人员）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="125"/>
        <source>XLSX or CSV. The check lists every problem with its cell in a report workbook beside the file; the import runs on the server in one transaction.</source>
        <translation>支持 XLSX 或 CSV。检查会把每个问题及其所在单元格写入文件旁的报告工作簿；导入在服务器上一次性完成（一个事务）。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="140"/>
        <source>Only a signed-in supervisor can import.</source>
        <translation>只有已登录的监管人员可以导入。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="214"/>
        <source>The server could not be reached; nothing was imported. Try again when online.</source>
        <translation>无法连接服务器，未导入任何内容。请联网后重试。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="216"/>
        <source>The server refused: only supervisors may import.</source>
        <translation>服务器拒绝：只有监管人员可以导入。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="218"/>
        <source>The file is too large for the server; split it by county.</source>
        <translation>文件太大，服务器无法接收；请按县（市、区）拆分。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="220"/>
        <source>The file could not be read or written: %1</source>
        <translation>无法读取或写入文件：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="222"/>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="228"/>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="236"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="242"/>
        <source>%1 outfalls written to %2</source>
        <translation>已将 %1 个排污口写入 %2</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="247"/>
        <source>Ledger file</source>
        <translation>台账文件</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="247"/>
        <source>Spreadsheets (*.xlsx *.xls *.csv)</source>
        <translation>电子表格（*.xlsx *.xls *.csv）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="263"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="268"/>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="269"/>
        <source>changed</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="270"/>
        <source>unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="271"/>
        <source>look-alikes held back</source>
        <translation>疑似重复（未导入）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="272"/>
        <source>rows with errors</source>
        <translation>有错误的行</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="283"/>
        <source>The file has problems: nothing would be imported unless you import only the good rows.</source>
        <translation>文件有问题：除非选择“只导入没有错误的行”，否则不会导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="286"/>
        <source>The file is ready to import.</source>
        <translation>文件检查通过，准备就绪，可以导入。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="288"/>
        <location filename="../../fieldapp/ui/dataio/window.py" line="314"/>
        <source>Report: %1</source>
        <translation>报告：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="299"/>
        <source>Sending to the server…</source>
        <translation>正在发送到服务器…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="310"/>
        <source>The ledger on this laptop follows at the next sync.</source>
        <translation>本机台账将在下次同步后更新。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/dataio/window.py" line="312"/>
        <source>Nothing was imported.</source>
        <translation>未导入任何内容。</translation>
    </message>
</context>
</TS>
