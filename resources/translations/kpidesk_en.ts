<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="th_TH">
  <context>
    <name>AssignmentTableModel</name>
    <message>
      <source>หน่วยงานเสนอ</source>
      <translation>Proposed by the unit</translation>
    </message>
    <message>
      <source>องค์ประกอบนี้คิดคะแนนจากคะแนนที่ สำนักงาน ก.พ.ร. ให้ (๐–๑๐๐) จึงไม่ต้องกำหนดค่าเป้าหมาย</source>
      <translation>This component is scored on the points OPDC supplies (0–100), so it takes no targets</translation>
    </message>
    <message>
      <source>ตัวชี้วัด</source>
      <translation>Indicator</translation>
    </message>
    <message>
      <source>น้ำหนัก</source>
      <translation>Weight</translation>
    </message>
    <message>
      <source>ขั้นต้น (๕๐)</source>
      <translation>Base (50)</translation>
    </message>
    <message>
      <source>มาตรฐาน (๗๕)</source>
      <translation>Standard (75)</translation>
    </message>
    <message>
      <source>ขั้นสูง (๑๐๐)</source>
      <translation>Advanced (100)</translation>
    </message>
    <message>
      <source>หน่วยนับ</source>
      <translation>Unit of measure</translation>
    </message>
    <message>
      <source>ทิศทาง</source>
      <translation>Direction</translation>
    </message>
    <message>
      <source>Monitor</source>
      <translation>Monitor</translation>
    </message>
    <message>
      <source>ขั้นต้น ๖ ด.</source>
      <translation>Base, 6 m.</translation>
    </message>
    <message>
      <source>มาตรฐาน ๖ ด.</source>
      <translation>Standard, 6 m.</translation>
    </message>
    <message>
      <source>ขั้นสูง ๖ ด.</source>
      <translation>Advanced, 6 m.</translation>
    </message>
    <message>
      <source>การเชื่อมโยง</source>
      <translation>Link</translation>
    </message>
    <message>
      <source>องค์ประกอบ</source>
      <translation>Component</translation>
    </message>
    <message>
      <source>ประเภท</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>ที่มา</source>
      <translation>Origin</translation>
    </message>
  </context>
  <context>
    <name>AttendanceTableModel</name>
    <message>
      <source>ยังไม่บันทึก</source>
      <translation>Not recorded</translation>
    </message>
    <message>
      <source>กรรมการ</source>
      <translation>Member</translation>
    </message>
    <message>
      <source>บทบาท</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>การมาประชุม</source>
      <translation>Attendance</translation>
    </message>
    <message>
      <source>ผู้มาประชุมแทน</source>
      <translation>Substitute</translation>
    </message>
    <message>
      <source>ตำแหน่งผู้มาแทน</source>
      <translation>Substitute's position</translation>
    </message>
    <message>
      <source>เหตุที่ไม่มาประชุม</source>
      <translation>Reason for absence</translation>
    </message>
  </context>
  <context>
    <name>BasketDialog</name>
    <message>
      <source>เพิ่มตัวชี้วัดจาก KPI Basket ปีงบประมาณ {0}</source>
      <translation>Add from the KPI Basket of FY{0}</translation>
    </message>
    <message>
      <source>ค้นหาชื่อ รหัส หรือคำนิยามของตัวชี้วัด</source>
      <translation>Search name, code or definition</translation>
    </message>
    <message>
      <source>รหัส</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>ชื่อตัวชี้วัด</source>
      <translation>Indicator name</translation>
    </message>
    <message>
      <source>หน่วยนับ</source>
      <translation>Unit of measure</translation>
    </message>
    <message>
      <source>ประเภท</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>พบ {0} ตัวชี้วัด</source>
      <translation>{0} indicators found</translation>
    </message>
    <message>
      <source>ไม่พบตัวชี้วัดใน KPI Basket ของปีนี้ (นำเข้ารายการของ สำนักงาน ก.พ.ร. ก่อน)</source>
      <translation>This year's KPI Basket is empty (import OPDC's list first)</translation>
    </message>
    <message>
      <source>ไม่พบตัวชี้วัดที่ตรงกับคำค้น</source>
      <translation>No indicator matches</translation>
    </message>
    <message>
      <source>คำนิยาม</source>
      <translation>Definition</translation>
    </message>
    <message>
      <source>สูตรการคำนวณ</source>
      <translation>Formula</translation>
    </message>
    <message>
      <source>แหล่งข้อมูล</source>
      <translation>Data source</translation>
    </message>
    <message>
      <source>อยู่ในบัญชีตัวชี้วัดแล้ว</source>
      <translation>Already in the catalogue</translation>
    </message>
  </context>
  <context>
    <name>CatalogueDialog</name>
    <message>
      <source>เพิ่มตัวชี้วัดจากบัญชีตัวชี้วัด</source>
      <translation>Add an indicator from the catalogue</translation>
    </message>
    <message>
      <source>ค้นหาชื่อหรือรหัสตัวชี้วัด</source>
      <translation>Search by indicator name or code</translation>
    </message>
  </context>
  <context>
    <name>ChangesPage</name>
    <message>
      <source>คำขอ</source>
      <translation>Request</translation>
    </message>
    <message>
      <source>หน่วยงาน</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>ตัวชี้วัด</source>
      <translation>Indicator</translation>
    </message>
    <message>
      <source>รอบ</source>
      <translation>Round</translation>
    </message>
    <message>
      <source>ผลการพิจารณา</source>
      <translation>Decision</translation>
    </message>
    <message>
      <source>ส่ง ก.พ.ร.</source>
      <translation>Sent to OPDC</translation>
    </message>
    <message>
      <source>เหตุ</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>ข้อเสนอ</source>
      <translation>Proposal</translation>
    </message>
    <message>
      <source>บันทึกคำขอใหม่…</source>
      <translation>New request…</translation>
    </message>
    <message>
      <source>คณะกรรมการเห็นชอบ</source>
      <translation>Committee approves</translation>
    </message>
    <message>
      <source>ไม่เห็นชอบ</source>
      <translation>Reject</translation>
    </message>
    <message>
      <source>ส่ง ก.พ.ร. แล้ว</source>
      <translation>Mark as sent to OPDC</translation>
    </message>
    <message>
      <source>กำหนดส่งสำนักงาน ก.พ.ร. (รอบ ๖ เดือน: สิ้นเดือนกุมภาพันธ์ · รอบ ๑๒ เดือน: สิ้นเดือนกรกฎาคม)</source>
      <translation>Due at OPDC (6-month round: end of February · 12-month round: end of July)</translation>
    </message>
    <message>
      <source>{0} เดือน</source>
      <translation>{0} months</translation>
    </message>
    <message>
      <source>ไม่มีคำขอที่รอส่งสำนักงาน ก.พ.ร.</source>
      <translation>No approved request is waiting to be sent to OPDC</translation>
    </message>
    <message>
      <source>เลยกำหนด {0} วัน</source>
      <translation>{0} days late</translation>
    </message>
    <message>
      <source>อีก {0} วัน</source>
      <translation>{0} days left</translation>
    </message>
    <message>
      <source>บันทึกคำขอแล้ว</source>
      <translation>Request recorded</translation>
    </message>
    <message>
      <source>เลือกคำขอในตารางก่อน</source>
      <translation>Select a request in the table first</translation>
    </message>
    <message>
      <source>บันทึกผลการพิจารณาแล้ว</source>
      <translation>Decision recorded</translation>
    </message>
    <message>
      <source>บันทึกวันที่ส่งแล้ว</source>
      <translation>Sending date recorded</translation>
    </message>
  </context>
  <context>
    <name>CommitteeDialog</name>
    <message>
      <source>คณะกรรมการ</source>
      <translation>Committee</translation>
    </message>
    <message>
      <source>ชื่อคณะกรรมการ</source>
      <translation>Committee name</translation>
    </message>
    <message>
      <source>คำสั่งแต่งตั้ง</source>
      <translation>Order of appointment</translation>
    </message>
    <message>
      <source>วันที่แต่งตั้ง</source>
      <translation>Appointed on</translation>
    </message>
  </context>
  <context>
    <name>ConflictsDialog</name>
    <message>
      <source>ข้อขัดแย้งของการซิงก์</source>
      <translation>Sync conflicts</translation>
    </message>
    <message>
      <source>ข้อมูล</source>
      <translation>Data</translation>
    </message>
    <message>
      <source>ช่อง</source>
      <translation>Field</translation>
    </message>
    <message>
      <source>ค่าเดิม</source>
      <translation>Base value</translation>
    </message>
    <message>
      <source>ค่าบนเซิร์ฟเวอร์ (โดย)</source>
      <translation>On the server (by)</translation>
    </message>
    <message>
      <source>ค่าที่ส่งภายหลัง (โดย)</source>
      <translation>Pushed later (by)</translation>
    </message>
    <message>
      <source>เมื่อ</source>
      <translation>When</translation>
    </message>
    <message>
      <source>ใช้ค่าบนเซิร์ฟเวอร์</source>
      <translation>Keep the server's</translation>
    </message>
    <message>
      <source>ใช้ค่าที่ส่งภายหลัง</source>
      <translation>Use the later one</translation>
    </message>
    <message>
      <source>ค่าเป้าหมาย/น้ำหนัก</source>
      <translation>Targets / weight</translation>
    </message>
    <message>
      <source>ผลการดำเนินงาน</source>
      <translation>Results</translation>
    </message>
    <message>
      <source>ไม่มีข้อขัดแย้ง</source>
      <translation>No conflicts</translation>
    </message>
  </context>
  <context>
    <name>ConnectDialog</name>
    <message>
      <source>เชื่อมต่อเซิร์ฟเวอร์กระทรวง</source>
      <translation>Connect to the ministry server</translation>
    </message>
    <message>
      <source>เลือก…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <source>ที่อยู่เซิร์ฟเวอร์</source>
      <translation>Server address</translation>
    </message>
    <message>
      <source>ชื่อผู้ใช้</source>
      <translation>User name</translation>
    </message>
    <message>
      <source>รหัสผ่าน</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>เก็บสำเนาที่</source>
      <translation>Keep the copy at</translation>
    </message>
  </context>
  <context>
    <name>DashboardPage</name>
    <message>
      <source>ดับเบิลคลิกหน่วยงานเพื่อดูผลการดำเนินงาน</source>
      <translation>Double-click a unit to see its results</translation>
    </message>
    <message>
      <source>รหัส</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>ตัวชี้วัด</source>
      <translation>Indicator</translation>
    </message>
    <message>
      <source>สัญญาณ</source>
      <translation>Signal</translation>
    </message>
    <message>
      <source>คาดการณ์ ๑๒ เดือน</source>
      <translation>Projected 12 months</translation>
    </message>
    <message>
      <source>ผลคะแนนรายหน่วยงาน</source>
      <translation>Scores by unit</translation>
    </message>
    <message>
      <source>คะแนนเทียบเกณฑ์ระดับผลการประเมิน</source>
      <translation>Scores against the year's grade thresholds</translation>
    </message>
    <message>
      <source>สัญญาณเตือนล่วงหน้า (คาดการณ์จากผล ๖ เดือน)</source>
      <translation>Early warning (projected from the 6-month results)</translation>
    </message>
    <message>
      <source>ต้องทำอย่างไรจึงจะเลื่อนระดับ</source>
      <translation>What would lift a unit to the next grade</translation>
    </message>
    <message>
      <source>ยังไม่มีตัวชี้วัด จึงไม่อยู่ในตาราง: {0}</source>
      <translation>No indicators yet, so not in the table: {0}</translation>
    </message>
    <message>
      <source>คะแนนเทียบเกณฑ์ระดับผลการประเมิน ({0})</source>
      <translation>Scores against the year's grade thresholds ({0})</translation>
    </message>
    <message>
      <source>ยังคาดการณ์ไม่ได้ (ยังไม่มีผล ๖ เดือนที่ใช้คิดได้)</source>
      <translation>Not projectable yet (no usable 6-month result)</translation>
    </message>
    <message>
      <source>ไม่มี</source>
      <translation>none</translation>
    </message>
    <message>
      <source>ยังคาดการณ์ไม่ได้ (ไม่มีผล ๖ เดือนที่ใช้คิดได้): {0}</source>
      <translation>Not projectable (no usable 6-month result): {0}</translation>
    </message>
    <message>
      <source>หน่วยงานที่คาดว่าจะได้ต่ำกว่า {0} คะแนน: {1}</source>
      <translation>Units projected below {0} points: {1}</translation>
    </message>
    <message>
      <source>จาก</source>
      <translation>from</translation>
    </message>
    <message>
      <source>เป็น</source>
      <translation>to</translation>
    </message>
    <message>
      <source>คะแนน</source>
      <translation>Points</translation>
    </message>
    <message>
      <source>ไม่มีผล</source>
      <translation>no result</translation>
    </message>
  </context>
  <context>
    <name>EvidenceDialog</name>
    <message>
      <source>ผลที่ตรวจสอบและหลักฐาน</source>
      <translation>Verified result and evidence</translation>
    </message>
    <message>
      <source>ผลที่ตรวจสอบแล้ว (ใช้คิดคะแนนแทนผลที่หน่วยงานรายงาน)</source>
      <translation>Verified result (scored instead of the unit's own figure)</translation>
    </message>
    <message>
      <source>เช่น หนังสือ สำนักงาน ก.พ.ร. ที่ นร ๑๒๐๐/…</source>
      <translation>e.g. OPDC letter no. นร ๑๒๐๐/…</translation>
    </message>
    <message>
      <source>บันทึกผลที่ตรวจสอบ</source>
      <translation>Save verified result</translation>
    </message>
    <message>
      <source>ยกเลิกผลที่ตรวจสอบ</source>
      <translation>Withdraw verification</translation>
    </message>
    <message>
      <source>ผลที่ตรวจสอบแล้ว</source>
      <translation>Verified result</translation>
    </message>
    <message>
      <source>ผู้ตรวจสอบ</source>
      <translation>Verified by</translation>
    </message>
    <message>
      <source>อ้างอิงหนังสือ/เอกสาร</source>
      <translation>Letter / document</translation>
    </message>
    <message>
      <source>ลงวันที่</source>
      <translation>Dated</translation>
    </message>
    <message>
      <source>ไฟล์หลักฐาน (ไม่เกิน {0} ต่อไฟล์ เก็บในฐานข้อมูลพร้อมรหัส SHA-256)</source>
      <translation>Evidence files (up to {0} each, kept in the database with their SHA-256)</translation>
    </message>
    <message>
      <source>ชื่อไฟล์</source>
      <translation>File name</translation>
    </message>
    <message>
      <source>ขนาด</source>
      <translation>Size</translation>
    </message>
    <message>
      <source>ผู้แนบ</source>
      <translation>Attached by</translation>
    </message>
    <message>
      <source>เมื่อ</source>
      <translation>When</translation>
    </message>
    <message>
      <source>แนบไฟล์…</source>
      <translation>Attach file…</translation>
    </message>
    <message>
      <source>เปิด</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>ลบ</source>
      <translation>Remove</translation>
    </message>
    <message>
      <source>ยังไม่รายงาน</source>
      <translation>not reported yet</translation>
    </message>
    <message>
      <source>ผลที่หน่วยงานรายงาน (ประเมินตนเอง): {0} {1}</source>
      <translation>Reported by the unit (self-assessment): {0} {1}</translation>
    </message>
    <message>
      <source>  — คะแนนที่ สำนักงาน ก.พ.ร. ให้ (๐–๑๐๐)</source>
      <translation>  — points supplied by OPDC (0–100)</translation>
    </message>
    <message>
      <source>ยังไม่ได้ตรวจสอบ: คะแนนคิดจากผลที่หน่วยงานรายงาน</source>
      <translation>Not verified: scored on the unit's own figure</translation>
    </message>
    <message>
      <source>ตรวจสอบโดย {0} เมื่อ {1}</source>
      <translation>Verified by {0} on {1}</translation>
    </message>
    <message>
      <source> — ต่างจากที่หน่วยงานรายงาน</source>
      <translation> — differs from the unit's figure</translation>
    </message>
    <message>
      <source>ไม่ได้บันทึก: </source>
      <translation>Not saved: </translation>
    </message>
    <message>
      <source>บันทึกแล้ว</source>
      <translation>Saved</translation>
    </message>
    <message>
      <source>แนบไฟล์หลักฐาน</source>
      <translation>Attach evidence files</translation>
    </message>
    <message>
      <source>ลบไฟล์หลักฐานนี้? (ยังดูได้ในประวัติการแก้ไขว่าเคยแนบ)</source>
      <translation>Remove this evidence file? (The history still shows it was attached.)</translation>
    </message>
  </context>
  <context>
    <name>FirstRunDialog</name>
    <message>
      <source>เริ่มใช้งาน KPI Desk</source>
      <translation>Welcome to KPI Desk</translation>
    </message>
    <message>
      <source>ยังไม่มีฐานข้อมูลในเครื่องนี้ ฐานข้อมูลจะเก็บไว้ที่
{0}</source>
      <translation>There is no database on this computer yet. It will be kept in
{0}</translation>
    </message>
    <message>
      <source>เปิดด้วยข้อมูลตัวอย่าง (กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม)</source>
      <translation>Open the demo ministry (Natural Resources and Environment)</translation>
    </message>
    <message>
      <source>หรือเริ่มฐานข้อมูลว่างของกระทรวง</source>
      <translation>or start an empty database for your ministry</translation>
    </message>
    <message>
      <source>เช่น MOI</source>
      <translation>e.g. MOI</translation>
    </message>
    <message>
      <source>เช่น กระทรวงมหาดไทย</source>
      <translation>e.g. Ministry of Interior</translation>
    </message>
    <message>
      <source>รหัสกระทรวง</source>
      <translation>Ministry code</translation>
    </message>
    <message>
      <source>ชื่อกระทรวง</source>
      <translation>Ministry name</translation>
    </message>
    <message>
      <source>เริ่มฐานข้อมูลว่าง</source>
      <translation>Start empty</translation>
    </message>
  </context>
  <context>
    <name>HistoryDialog</name>
    <message>
      <source>ประวัติการแก้ไข</source>
      <translation>History of changes</translation>
    </message>
    <message>
      <source>เมื่อ</source>
      <translation>When</translation>
    </message>
    <message>
      <source>ผู้แก้ไข</source>
      <translation>Changed by</translation>
    </message>
    <message>
      <source>ช่อง</source>
      <translation>Field</translation>
    </message>
    <message>
      <source>เดิม</source>
      <translation>Old</translation>
    </message>
    <message>
      <source>ใหม่</source>
      <translation>New</translation>
    </message>
    <message>
      <source>ผ่านคำสั่ง</source>
      <translation>Through</translation>
    </message>
    <message>
      <source>ยังไม่มีการแก้ไขช่องนี้</source>
      <translation>This cell has not been changed yet</translation>
    </message>
  </context>
  <context>
    <name>InvitationDialog</name>
    <message>
      <source>หนังสือเชิญประชุม</source>
      <translation>Invitation to the meeting</translation>
    </message>
    <message>
      <source>เช่น ทส ๐๒๐๔/ว ๑๒๓</source>
      <translation>e.g. ทส ๐๒๐๔/ว ๑๒๓</translation>
    </message>
    <message>
      <source>เรื่อง</source>
      <translation>Subject</translation>
    </message>
    <message>
      <source>ที่</source>
      <translation>Document no.</translation>
    </message>
    <message>
      <source>วันที่ (วันที่ส่งหนังสือ)</source>
      <translation>Date (the day it is sent)</translation>
    </message>
    <message>
      <source>เนื้อความ (บรรทัดว่างขึ้นย่อหน้าใหม่)</source>
      <translation>Body (a blank line starts a paragraph)</translation>
    </message>
    <message>
      <source>ผู้รับ (จากรายชื่อคณะกรรมการ)</source>
      <translation>Recipients (from the committee roster)</translation>
    </message>
    <message>
      <source>บันทึกและดูตัวอย่าง/พิมพ์</source>
      <translation>Save, preview and print</translation>
    </message>
  </context>
  <context>
    <name>ItemDialog</name>
    <message>
      <source>ระเบียบวาระ</source>
      <translation>Agenda item</translation>
    </message>
    <message>
      <source>ระเบียบวาระที่</source>
      <translation>Item number</translation>
    </message>
    <message>
      <source>เรื่อง</source>
      <translation>Subject</translation>
    </message>
    <message>
      <source>รายงาน</source>
      <translation>Report</translation>
    </message>
    <message>
      <source>การอภิปราย</source>
      <translation>Discussion</translation>
    </message>
    <message>
      <source>มติ</source>
      <translation>Resolution</translation>
    </message>
  </context>
  <context>
    <name>JointPage</name>
    <message>
      <source>ประเด็น</source>
      <translation>Agenda</translation>
    </message>
    <message>
      <source>ตัวชี้วัดหลักและค่าเป้าหมาย</source>
      <translation>Main indicators and targets</translation>
    </message>
    <message>
      <source>หน่วยงานหลัก</source>
      <translation>Lead agencies</translation>
    </message>
    <message>
      <source>ทั้งประเทศ</source>
      <translation>Nationwide</translation>
    </message>
    <message>
      <source>รวมของกระทรวง</source>
      <translation>Ministry total</translation>
    </message>
    <message>
      <source>ตัวชี้วัดย่อย</source>
      <translation>Sub-indicator</translation>
    </message>
    <message>
      <source>หน่วยงานผู้รับผิดชอบ</source>
      <translation>Responsible agency</translation>
    </message>
    <message>
      <source>ประเภท</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>ประเด็น Joint KPIs</source>
      <translation>Joint KPI agendas</translation>
    </message>
    <message>
      <source>ตัวชี้วัดย่อยของหน่วยงานในสังกัด</source>
      <translation>Sub-indicators held by the ministry's agencies</translation>
    </message>
    <message>
      <source>รวม {0} ประเด็น {1} ตัวชี้วัดหลัก ตัวชี้วัดย่อยทั้งประเทศ {2} ตัวชี้วัด ของหน่วยงานในสังกัด {3} ตัวชี้วัด</source>
      <translation>{0} agendas, {1} main indicators, {2} sub-indicators nationwide, {3} held by the ministry's agencies</translation>
    </message>
  </context>
  <context>
    <name>LinkDialog</name>
    <message>
      <source>การเชื่อมโยงตัวชี้วัด</source>
      <translation>What the indicator serves</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>กำลังเปิดฐานข้อมูล…</source>
      <translation>Opening the database…</translation>
    </message>
    <message>
      <source>ฐานข้อมูล: {0}</source>
      <translation>Database: {0}</translation>
    </message>
    <message>
      <source>บันทึกอัตโนมัติทุกครั้งที่แก้ไข</source>
      <translation>Every edit is saved at once</translation>
    </message>
    <message>
      <source>แฟ้ม</source>
      <translation>File</translation>
    </message>
    <message>
      <source>ฐานข้อมูลใหม่…</source>
      <translation>New database…</translation>
    </message>
    <message>
      <source>เปิดฐานข้อมูล…</source>
      <translation>Open database…</translation>
    </message>
    <message>
      <source>เปิดล่าสุด</source>
      <translation>Open recent</translation>
    </message>
    <message>
      <source>สร้างแบบฟอร์ม Excel ให้หน่วยงาน…</source>
      <translation>Excel template for a unit…</translation>
    </message>
    <message>
      <source>นำเข้าจาก Excel…</source>
      <translation>Import from Excel…</translation>
    </message>
    <message>
      <source>ส่งออกทั้งปีเป็น Excel…</source>
      <translation>Export the year to Excel…</translation>
    </message>
    <message>
      <source>ปีงบประมาณใหม่…</source>
      <translation>New fiscal year…</translation>
    </message>
    <message>
      <source>เชื่อมต่อเซิร์ฟเวอร์กระทรวง…</source>
      <translation>Connect to the ministry server…</translation>
    </message>
    <message>
      <source>ซิงก์กับเซิร์ฟเวอร์ตอนนี้</source>
      <translation>Sync with the server now</translation>
    </message>
    <message>
      <source>ข้อขัดแย้งของการซิงก์…</source>
      <translation>Sync conflicts…</translation>
    </message>
    <message>
      <source>Strategic KPIs ของกระทรวง…</source>
      <translation>The ministry's Strategic KPIs…</translation>
    </message>
    <message>
      <source>เริ่มข้อมูลตัวอย่างใหม่…</source>
      <translation>Start the demo again…</translation>
    </message>
    <message>
      <source>ตั้งค่า…</source>
      <translation>Settings…</translation>
    </message>
    <message>
      <source>พิมพ์รายงาน…</source>
      <translation>Print the report…</translation>
    </message>
    <message>
      <source>กู้คืนจากไฟล์สำรอง…</source>
      <translation>Restore from a backup…</translation>
    </message>
    <message>
      <source>สำรองฐานข้อมูล (บันทึกสำเนา)…</source>
      <translation>Back up the database (save a copy)…</translation>
    </message>
    <message>
      <source>ออกจากโปรแกรม</source>
      <translation>Quit</translation>
    </message>
    <message>
      <source>ภาษา / Language</source>
      <translation>ภาษา / Language</translation>
    </message>
    <message>
      <source>ช่วยเหลือ</source>
      <translation>Help</translation>
    </message>
    <message>
      <source>เกี่ยวกับ KPI Desk</source>
      <translation>About KPI Desk</translation>
    </message>
    <message>
      <source>KPI Desk {0}
งานเลขานุการคณะกรรมการกำกับการประเมินผลการปฏิบัติราชการ</source>
      <translation>KPI Desk {0}
Secretariat of the governing committee for performance evaluation</translation>
    </message>
    <message>
      <source>แก้ไข</source>
      <translation>Edit</translation>
    </message>
    <message>
      <source>เลิกทำ</source>
      <translation>Undo</translation>
    </message>
    <message>
      <source>ทำซ้ำ</source>
      <translation>Redo</translation>
    </message>
    <message>
      <source>คัดลอก</source>
      <translation>Copy</translation>
    </message>
    <message>
      <source>วางจาก Excel</source>
      <translation>Paste from Excel</translation>
    </message>
    <message>
      <source>ค้นหา</source>
      <translation>Find</translation>
    </message>
    <message>
      <source>มุมมอง</source>
      <translation>View</translation>
    </message>
    <message>
      <source>สร้างรายงานก่อน แล้วจึงพิมพ์</source>
      <translation>Build a report first, then print it</translation>
    </message>
    <message>
      <source>ปีงบประมาณและรอบ</source>
      <translation>Fiscal year and round</translation>
    </message>
    <message>
      <source> ปีงบประมาณ พ.ศ. </source>
      <translation> Fiscal year B.E. </translation>
    </message>
    <message>
      <source>  รอบการประเมิน </source>
      <translation>  Round </translation>
    </message>
    <message>
      <source>๖ เดือน</source>
      <translation>6 months</translation>
    </message>
    <message>
      <source>๑๒ เดือน</source>
      <translation>12 months</translation>
    </message>
    <message>
      <source>บันทึกแล้ว {0}</source>
      <translation>Saved {0}</translation>
    </message>
    <message>
      <source>ปีงบประมาณ พ.ศ. ที่จะสร้าง</source>
      <translation>Fiscal year (B.E.) to create</translation>
    </message>
    <message>
      <source>ลบงานที่ฝึกทำไว้ในข้อมูลตัวอย่างทั้งหมด แล้วเริ่มข้อมูลตัวอย่างใหม่?</source>
      <translation>Discard all practice work on the demo and start it again?</translation>
    </message>
    <message>
      <source>เริ่มข้อมูลตัวอย่างใหม่แล้ว</source>
      <translation>The demo was started again</translation>
    </message>
    <message>
      <source>สำรองได้เฉพาะฐานข้อมูล SQLite</source>
      <translation>Only SQLite databases can be backed up here</translation>
    </message>
    <message>
      <source>สำรองฐานข้อมูล</source>
      <translation>Back up the database</translation>
    </message>
    <message>
      <source>สำรองไว้ที่ {0}</source>
      <translation>Backed up to {0}</translation>
    </message>
    <message>
      <source>แดชบอร์ด</source>
      <translation>Dashboard</translation>
    </message>
    <message>
      <source>หน่วยงานและคณะกรรมการ</source>
      <translation>Units &amp; committee</translation>
    </message>
    <message>
      <source>ตัวชี้วัดและค่าเป้าหมาย</source>
      <translation>Indicators &amp; targets</translation>
    </message>
    <message>
      <source>ผลการดำเนินงาน</source>
      <translation>Results</translation>
    </message>
    <message>
      <source>Joint KPIs</source>
      <translation>Joint KPIs</translation>
    </message>
    <message>
      <source>คำขอปรับเปลี่ยนตัวชี้วัด</source>
      <translation>Change requests</translation>
    </message>
    <message>
      <source>การประชุม</source>
      <translation>Meetings</translation>
    </message>
    <message>
      <source>รายงาน</source>
      <translation>Reports</translation>
    </message>
  </context>
  <context>
    <name>MeetingDialog</name>
    <message>
      <source>รายละเอียดการประชุม</source>
      <translation>Meeting details</translation>
    </message>
    <message>
      <source>สร้างการประชุม</source>
      <translation>New meeting</translation>
    </message>
    <message>
      <source>ครั้งที่</source>
      <translation>Meeting no.</translation>
    </message>
    <message>
      <source>วันที่ประชุม</source>
      <translation>Meeting date</translation>
    </message>
    <message>
      <source>เริ่มประชุมเวลา</source>
      <translation>Starts at</translation>
    </message>
    <message>
      <source>เลิกประชุมเวลา</source>
      <translation>Ends at</translation>
    </message>
    <message>
      <source>สถานที่</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>ผู้จดรายงานการประชุม</source>
      <translation>Minute-taker</translation>
    </message>
    <message>
      <source>ตำแหน่งผู้จดรายงาน</source>
      <translation>Minute-taker's position</translation>
    </message>
    <message>
      <source>ผู้ตรวจรายงานการประชุม</source>
      <translation>Checker of the minutes</translation>
    </message>
    <message>
      <source>ตำแหน่งผู้ตรวจรายงาน</source>
      <translation>Checker's position</translation>
    </message>
  </context>
  <context>
    <name>MeetingsPage</name>
    <message>
      <source>ครั้งที่</source>
      <translation>Meeting no.</translation>
    </message>
    <message>
      <source>วันที่</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>สถานที่</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>ผู้เข้าร่วมประชุม</source>
      <translation>Other participants</translation>
    </message>
    <message>
      <source>ตำแหน่ง</source>
      <translation>Position</translation>
    </message>
    <message>
      <source>วาระ</source>
      <translation>Item</translation>
    </message>
    <message>
      <source>เรื่อง</source>
      <translation>Subject</translation>
    </message>
    <message>
      <source>มติ</source>
      <translation>Resolution</translation>
    </message>
    <message>
      <source>ชื่อผู้เข้าร่วมประชุม</source>
      <translation>Participant's name</translation>
    </message>
    <message>
      <source>สร้างการประชุม…</source>
      <translation>New meeting…</translation>
    </message>
    <message>
      <source>รายละเอียด…</source>
      <translation>Details…</translation>
    </message>
    <message>
      <source>หนังสือเชิญประชุม…</source>
      <translation>Invitation…</translation>
    </message>
    <message>
      <source>จัดทำรายงานการประชุม</source>
      <translation>Produce the minutes</translation>
    </message>
    <message>
      <source>ผู้มาประชุม / ผู้ไม่มาประชุม (จากรายชื่อคณะกรรมการ)</source>
      <translation>Present / absent (from the committee roster)</translation>
    </message>
    <message>
      <source>เพิ่ม</source>
      <translation>Add</translation>
    </message>
    <message>
      <source>ลบ</source>
      <translation>Remove</translation>
    </message>
    <message>
      <source>ระเบียบวาระและมติ (ดับเบิลคลิกเพื่อแก้ไข)</source>
      <translation>Agenda items and resolutions (double-click to edit)</translation>
    </message>
    <message>
      <source>เพิ่มระเบียบวาระ…</source>
      <translation>Add an agenda item…</translation>
    </message>
    <message>
      <source>การมาประชุม</source>
      <translation>Attendance</translation>
    </message>
    <message>
      <source>ระเบียบวาระและมติ</source>
      <translation>Agenda and resolutions</translation>
    </message>
    <message>
      <source>ยังไม่มีการประชุม กด “สร้างการประชุม…”</source>
      <translation>No meeting yet: press “New meeting…”</translation>
    </message>
    <message>
      <source>ผู้จดรายงาน: {0} · ผู้ตรวจรายงาน: {1}</source>
      <translation>Minute-taker: {0} · checker: {1}</translation>
    </message>
    <message>
      <source>บันทึกการมาประชุมแล้ว</source>
      <translation>Attendance saved</translation>
    </message>
    <message>
      <source>เพิ่มผู้เข้าร่วมประชุมแล้ว</source>
      <translation>Participant added</translation>
    </message>
    <message>
      <source>เลือกผู้เข้าร่วมประชุมในตารางก่อน</source>
      <translation>Select a participant in the table first</translation>
    </message>
    <message>
      <source>ลบแล้ว</source>
      <translation>Removed</translation>
    </message>
    <message>
      <source>ยังไม่มีคณะกรรมการในฐานข้อมูล (จัดตั้งได้ที่หน้า หน่วยงานและคณะกรรมการ)</source>
      <translation>There is no committee yet (set it up on the Units &amp; committee page)</translation>
    </message>
    <message>
      <source>สร้างการประชุมแล้ว</source>
      <translation>Meeting created</translation>
    </message>
    <message>
      <source>บันทึกรายละเอียดการประชุมแล้ว</source>
      <translation>Meeting details saved</translation>
    </message>
    <message>
      <source>บันทึกระเบียบวาระแล้ว</source>
      <translation>Agenda item saved</translation>
    </message>
    <message>
      <source>บันทึกหนังสือเชิญประชุมแล้ว</source>
      <translation>Invitation saved</translation>
    </message>
    <message>
      <source>การมาประชุมยังบันทึกไม่ครบ:
{0}

กรรมการที่ยังไม่ได้บันทึกจะพิมพ์ในผู้ไม่มาประชุมว่า “ไม่ได้บันทึกการมาประชุม” จัดทำรายงานการประชุมต่อหรือไม่?</source>
      <translation>Attendance is not complete:
{0}

Members not recorded will be printed among the absent as “attendance not recorded”. Produce the minutes anyway?</translation>
    </message>
  </context>
  <context>
    <name>MemberDialog</name>
    <message>
      <source>แก้ไขกรรมการ</source>
      <translation>Edit member</translation>
    </message>
    <message>
      <source>เพิ่มกรรมการ</source>
      <translation>Add member</translation>
    </message>
    <message>
      <source>เป็นผู้บริหารการเปลี่ยนแปลงระดับกระทรวง (CCO)</source>
      <translation>Is the ministry's Chief Change Officer (CCO)</translation>
    </message>
    <message>
      <source>ไม่ระบุ</source>
      <translation>None</translation>
    </message>
    <message>
      <source>ชื่อ</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>ตำแหน่ง</source>
      <translation>Position</translation>
    </message>
    <message>
      <source>บทบาทในคณะกรรมการ</source>
      <translation>Committee role</translation>
    </message>
    <message>
      <source>หน่วยงาน</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>วาระเริ่ม</source>
      <translation>Term starts</translation>
    </message>
    <message>
      <source>วาระสิ้นสุด</source>
      <translation>Term ends</translation>
    </message>
    <message>
      <source>ลำดับ</source>
      <translation>Order</translation>
    </message>
  </context>
  <context>
    <name>NewIndicatorDialog</name>
    <message>
      <source>ตัวชี้วัดใหม่</source>
      <translation>New indicator</translation>
    </message>
    <message>
      <source>ระดับขั้นความสำเร็จ</source>
      <translation>Step (milestone) indicator</translation>
    </message>
    <message>
      <source>ค่าสะสม (นับ/รายได้)</source>
      <translation>Cumulative (counts, revenue)</translation>
    </message>
    <message>
      <source>จาก KPI Basket</source>
      <translation>From the KPI Basket</translation>
    </message>
    <message>
      <source>รหัส</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>ชื่อตัวชี้วัด</source>
      <translation>Indicator name</translation>
    </message>
    <message>
      <source>ประเภท</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>ทิศทาง</source>
      <translation>Direction</translation>
    </message>
    <message>
      <source>หน่วยนับ</source>
      <translation>Unit of measure</translation>
    </message>
  </context>
  <context>
    <name>NewStrategicDialog</name>
    <message>
      <source>เพิ่ม Strategic KPI</source>
      <translation>Add a Strategic KPI</translation>
    </message>
    <message>
      <source>รหัส</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>ชื่อ</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>หน่วยนับ</source>
      <translation>Unit of measure</translation>
    </message>
    <message>
      <source>แผนตั้งแต่ปี</source>
      <translation>Plan from (B.E.)</translation>
    </message>
    <message>
      <source>ถึงปี</source>
      <translation>to (B.E.)</translation>
    </message>
  </context>
  <context>
    <name>PdfPreview</name>
    <message>
      <source>ย่อ</source>
      <translation>Zoom out</translation>
    </message>
    <message>
      <source>ขยาย</source>
      <translation>Zoom in</translation>
    </message>
    <message>
      <source>พอดีความกว้าง</source>
      <translation>Fit width</translation>
    </message>
    <message>
      <source>ขยายให้พอดีความกว้าง</source>
      <translation>Zoom to fit the width</translation>
    </message>
    <message>
      <source>ทั้งหน้า</source>
      <translation>Whole page</translation>
    </message>
    <message>
      <source>แสดงทั้งหน้า</source>
      <translation>Show the whole page</translation>
    </message>
    <message>
      <source>หน้าก่อน</source>
      <translation>Previous page</translation>
    </message>
    <message>
      <source>หน้าถัดไป</source>
      <translation>Next page</translation>
    </message>
    <message>
      <source>ค้นหาในรายงาน…</source>
      <translation>Find in the report…</translation>
    </message>
    <message>
      <source>คำที่พบก่อนหน้า</source>
      <translation>Previous match</translation>
    </message>
    <message>
      <source>คำที่พบถัดไป</source>
      <translation>Next match</translation>
    </message>
    <message>
      <source>พบ {0} แห่ง</source>
      <translation>{0} found</translation>
    </message>
  </context>
  <context>
    <name>PreviewDialog</name>
    <message>
      <source>ตรวจสอบก่อนนำเข้า</source>
      <translation>Check before importing</translation>
    </message>
    <message>
      <source>&lt;b&gt;นำเข้าไม่ได้&lt;/b&gt;: {0}&lt;br&gt;พบปัญหา {1} รายการ ฐานข้อมูลจะไม่มีการเปลี่ยนแปลง</source>
      <translation>&lt;b&gt;Cannot import&lt;/b&gt;: {0}&lt;br&gt;{1} problem(s) found; the database will not change</translation>
    </message>
    <message>
      <source>ปัญหา</source>
      <translation>Problem</translation>
    </message>
    <message>
      <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;เพิ่ม {1} · แก้ไข {2} · ไม่เปลี่ยนแปลง {3}</source>
      <translation>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;added {1} · changed {2} · unchanged {3}</translation>
    </message>
    <message>
      <source>การเปลี่ยนแปลง</source>
      <translation>Change</translation>
    </message>
    <message>
      <source>ตำแหน่งในไฟล์</source>
      <translation>Place in the file</translation>
    </message>
    <message>
      <source>รายการ</source>
      <translation>Item</translation>
    </message>
    <message>
      <source>ช่อง</source>
      <translation>Field</translation>
    </message>
    <message>
      <source>เดิม</source>
      <translation>Old</translation>
    </message>
    <message>
      <source>ใหม่</source>
      <translation>New</translation>
    </message>
    <message>
      <source>นำเข้า</source>
      <translation>Import</translation>
    </message>
    <message>
      <source>ยกเลิก</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>ReportsPage</name>
    <message>
      <source>สร้างรายงาน</source>
      <translation>Build the report</translation>
    </message>
    <message>
      <source>บันทึกเป็นไฟล์…</source>
      <translation>Save as…</translation>
    </message>
    <message>
      <source>พิมพ์…</source>
      <translation>Print…</translation>
    </message>
    <message>
      <source>รายงาน</source>
      <translation>Report</translation>
    </message>
    <message>
      <source>หน่วยงาน</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>การประชุม</source>
      <translation>Meetings</translation>
    </message>
    <message>
      <source>ทุกหน่วยงาน</source>
      <translation>All units</translation>
    </message>
    <message>
      <source>ครั้งที่ {0}</source>
      <translation>Meeting {0}</translation>
    </message>
    <message>
      <source>กำลังสร้างรายงาน…</source>
      <translation>Building the report…</translation>
    </message>
    <message>
      <source>สร้างรายงานแล้ว {0} หน้า</source>
      <translation>Report ready: {0} pages</translation>
    </message>
    <message>
      <source>สร้างรายงานแล้ว แต่มีข้อความที่ต้องแก้: </source>
      <translation>The report was built, but some text needs fixing: </translation>
    </message>
    <message>
      <source>สร้างรายงานไม่สำเร็จ</source>
      <translation>The report could not be built</translation>
    </message>
    <message>
      <source>ยกเลิกการสร้างรายงานแล้ว</source>
      <translation>Report cancelled</translation>
    </message>
    <message>
      <source>บันทึกรายงาน</source>
      <translation>Save the report</translation>
    </message>
    <message>
      <source>บันทึกที่ {0}</source>
      <translation>Saved to {0}</translation>
    </message>
    <message>
      <source>ภาคผนวก ตัวชี้วัด น้ำหนัก และค่าเป้าหมาย</source>
      <translation>Annex: indicators, weights and targets</translation>
    </message>
    <message>
      <source>ผลการประเมิน</source>
      <translation>Evaluation results</translation>
    </message>
    <message>
      <source>ตัวชี้วัดขับเคลื่อนการบูรณาการร่วมกัน (Joint KPIs)</source>
      <translation>Joint KPIs by agenda</translation>
    </message>
    <message>
      <source>การถ่ายทอด Strategic KPIs สู่ตัวชี้วัดของหน่วยงาน</source>
      <translation>Strategic KPIs cascaded into department indicators</translation>
    </message>
    <message>
      <source>รายงานการประชุม</source>
      <translation>Minutes</translation>
    </message>
    <message>
      <source>หนังสือเชิญประชุม</source>
      <translation>Invitation to the meeting</translation>
    </message>
    <message>
      <source>เอกสารประกอบการประชุม</source>
      <translation>Meeting pack</translation>
    </message>
  </context>
  <context>
    <name>RequestDialog</name>
    <message>
      <source>บันทึกคำขอปรับเปลี่ยนรายละเอียดตัวชี้วัด</source>
      <translation>Record an indicator change request</translation>
    </message>
    <message>
      <source>ตามประเภทตัวชี้วัด</source>
      <translation>By the indicator's kind</translation>
    </message>
    <message>
      <source>รอบ ๑๒ เดือน</source>
      <translation>12-month round</translation>
    </message>
    <message>
      <source>รอบ ๖ เดือน</source>
      <translation>6-month round</translation>
    </message>
    <message>
      <source>ไม่เปลี่ยน</source>
      <translation>Unchanged</translation>
    </message>
    <message>
      <source>เป็นตัวชี้วัด Monitor</source>
      <translation>Becomes a Monitor indicator</translation>
    </message>
    <message>
      <source>เป็นตัวชี้วัดที่ประเมินผล</source>
      <translation>Becomes an evaluated indicator</translation>
    </message>
    <message>
      <source>คำขอ</source>
      <translation>Request</translation>
    </message>
    <message>
      <source>ตัวชี้วัด</source>
      <translation>Indicator</translation>
    </message>
    <message>
      <source>หน่วยงาน</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>ตัวชี้วัดจากบัญชี</source>
      <translation>Indicator from the catalogue</translation>
    </message>
    <message>
      <source>องค์ประกอบ</source>
      <translation>Component</translation>
    </message>
    <message>
      <source>รอบการประเมิน</source>
      <translation>Round</translation>
    </message>
    <message>
      <source>เหตุ (ปัจจัยภายนอก)</source>
      <translation>Reason (external cause)</translation>
    </message>
    <message>
      <source>รายละเอียดเหตุ</source>
      <translation>Details of the cause</translation>
    </message>
    <message>
      <source>น้ำหนักที่เสนอ</source>
      <translation>Proposed weight</translation>
    </message>
    <message>
      <source>ค่าเป้าหมายที่เสนอ</source>
      <translation>Proposed targets</translation>
    </message>
    <message>
      <source>ค่าเป้าหมายรอบ ๖ เดือนที่เสนอ</source>
      <translation>Proposed 6-month targets</translation>
    </message>
    <message>
      <source>ชื่อตัวชี้วัดใหม่</source>
      <translation>New indicator name</translation>
    </message>
    <message>
      <source>นิยามใหม่</source>
      <translation>New definition</translation>
    </message>
    <message>
      <source>ข้อเสนอ (ข้อความ)</source>
      <translation>Proposal (text)</translation>
    </message>
    <message>
      <source>วันที่ยื่น</source>
      <translation>Submitted on</translation>
    </message>
    <message>
      <source>ขั้นต้น</source>
      <translation>Base</translation>
    </message>
    <message>
      <source>มาตรฐาน</source>
      <translation>Standard</translation>
    </message>
    <message>
      <source>ขั้นสูง</source>
      <translation>Advanced</translation>
    </message>
  </context>
  <context>
    <name>ResultsPage</name>
    <message>
      <source>เห็นชอบผลรอบนี้</source>
      <translation>Approve this round</translation>
    </message>
    <message>
      <source>ปิดรอบ</source>
      <translation>Lock the round</translation>
    </message>
    <message>
      <source>เปิดรอบกลับมาแก้ไข</source>
      <translation>Reopen for editing</translation>
    </message>
    <message>
      <source>หน่วยงาน</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>ผลที่ตรวจสอบและหลักฐาน…</source>
      <translation>Verified result and evidence…</translation>
    </message>
    <message>
      <source> (จาก {0} ของ {1})</source>
      <translation> ({0} of {1})</translation>
    </message>
    <message>
      <source>  ไม่มีผล {0} ตัวชี้วัด</source>
      <translation>  {0} indicator(s) without a result</translation>
    </message>
    <message>
      <source>สถานะรอบ: {0}</source>
      <translation>Round status: {0}</translation>
    </message>
    <message>
      <source>ไม่ได้บันทึก: </source>
      <translation>Not saved: </translation>
    </message>
    <message>
      <source>บันทึกแล้ว</source>
      <translation>Saved</translation>
    </message>
    <message>
      <source>เลือกตัวชี้วัดในตารางก่อน</source>
      <translation>Select an indicator in the table first</translation>
    </message>
    <message>
      <source>ผลการดำเนินงาน</source>
      <translation>Results</translation>
    </message>
    <message>
      <source>หมายเหตุ</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>หลักฐานอ้างอิง</source>
      <translation>Evidence</translation>
    </message>
    <message>
      <source>ผู้บันทึก</source>
      <translation>Recorded by</translation>
    </message>
    <message>
      <source>ผลที่ตรวจสอบแล้ว</source>
      <translation>Verified result</translation>
    </message>
    <message>
      <source>ผู้ตรวจสอบ</source>
      <translation>Verified by</translation>
    </message>
    <message>
      <source>ตรวจสอบโดย</source>
      <translation>Verified by</translation>
    </message>
    <message>
      <source>อ้างอิงหนังสือ/เอกสาร</source>
      <translation>Letter / document</translation>
    </message>
    <message>
      <source>ลงวันที่</source>
      <translation>Dated</translation>
    </message>
    <message>
      <source>ยืนยันว่าคณะกรรมการเห็นชอบผลรอบนี้แล้ว? ผลจะแก้ไขไม่ได้จนกว่าจะเปิดรอบกลับ</source>
      <translation>Confirm that the committee approved this round? Results cannot change until the round is reopened.</translation>
    </message>
    <message>
      <source>ปิดรอบแล้วจะแก้ไขผลและค่าเป้าหมายของรอบนี้ไม่ได้อีก ยืนยันหรือไม่?</source>
      <translation>Once locked, this round's results and targets can never change. Lock it?</translation>
    </message>
    <message>
      <source>เปิดรอบกลับมาแก้ไขผล?</source>
      <translation>Reopen the round to edit results?</translation>
    </message>
    <message>
      <source>รอบนี้ปิดแล้ว การเปิดรอบกลับต้องระบุเหตุผล (บันทึกไว้ในประวัติ) และเมื่อปิดรอบอีกครั้งจะเก็บผลเป็นฉบับใหม่</source>
      <translation>This round is locked. Reopening it needs a reason (kept in the history); locking it again stores a new revision of its results</translation>
    </message>
    <message>
      <source>รอบนี้ยังมีปัญหาตามรายการด้านล่าง หากคณะกรรมการเห็นชอบทั้งที่มีปัญหา ให้ระบุเหตุผล (บันทึกไว้กับรอบและในประวัติ)</source>
      <translation>This round still has the problems listed below. If the committee approved it anyway, give the reason (kept with the round and in the history)</translation>
    </message>
    <message>
      <source>ยังไม่เห็นชอบ: พบปัญหา {0} รายการ</source>
      <translation>Not approved: {0} problem(s) found</translation>
    </message>
  </context>
  <context>
    <name>ResultsTableModel</name>
    <message>
      <source>ไม่มีผล</source>
      <translation>no result</translation>
    </message>
    <message>
      <source>องค์ประกอบนี้คิดคะแนนจากคะแนนที่ สำนักงาน ก.พ.ร. ให้ (๐–๑๐๐) ไม่ใช้ค่าเป้าหมาย</source>
      <translation>This component is scored on the points OPDC supplies (0–100), not on targets</translation>
    </message>
    <message>
      <source>ดับเบิลคลิกเพื่อแนบ เปิด หรือลบไฟล์หลักฐาน</source>
      <translation>Double-click to attach, open or remove evidence files</translation>
    </message>
    <message>
      <source>ตรวจสอบโดย{0} ({1}) {2}</source>
      <translation>Verified by {0} ({1}) {2}</translation>
    </message>
    <message>
      <source>ตาม {0} {1}</source>
      <translation>per {0} {1}</translation>
    </message>
    <message>
      <source>ต่างจากที่หน่วยงานรายงาน ({0}) คะแนนคิดจากผลที่ตรวจสอบแล้ว</source>
      <translation>Differs from the unit's figure ({0}); scored on the verified figure</translation>
    </message>
    <message>
      <source>ตัวชี้วัด</source>
      <translation>Indicator</translation>
    </message>
    <message>
      <source>น้ำหนัก</source>
      <translation>Weight</translation>
    </message>
    <message>
      <source>ขั้นต้น</source>
      <translation>Base</translation>
    </message>
    <message>
      <source>มาตรฐาน</source>
      <translation>Standard</translation>
    </message>
    <message>
      <source>ขั้นสูง</source>
      <translation>Advanced</translation>
    </message>
    <message>
      <source>ผลการดำเนินงาน</source>
      <translation>Results</translation>
    </message>
    <message>
      <source>ผลที่ตรวจสอบแล้ว</source>
      <translation>Verified result</translation>
    </message>
    <message>
      <source>คะแนน</source>
      <translation>Points</translation>
    </message>
    <message>
      <source>คะแนนถ่วงน้ำหนัก</source>
      <translation>Weighted points</translation>
    </message>
    <message>
      <source>หน่วยนับ</source>
      <translation>Unit of measure</translation>
    </message>
    <message>
      <source>หมายเหตุ</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>หลักฐานอ้างอิง</source>
      <translation>Evidence</translation>
    </message>
    <message>
      <source>ไฟล์หลักฐาน</source>
      <translation>Evidence files</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source>ตั้งค่า</source>
      <translation>Settings</translation>
    </message>
    <message>
      <source>เช่น นางสาวสมศรี ใจดี</source>
      <translation>e.g. Ms Somsri Jaidee</translation>
    </message>
    <message>
      <source>ใช้เลขไทยในรายงานตาราง (ภาคผนวก ผลการประเมิน Joint KPIs)</source>
      <translation>Thai digits in table reports (annex, results, Joint KPIs)</translation>
    </message>
    <message>
      <source>เครื่องพิมพ์หลักของเครื่อง</source>
      <translation>The computer's default printer</translation>
    </message>
    <message>
      <source>เช่น ประชารัฐ ราชประชาสมาสัย (คั่นด้วยช่องว่าง)</source>
      <translation>e.g. ประชารัฐ ราชประชาสมาสัย (separated by spaces)</translation>
    </message>
    <message>
      <source>รายงานจะไม่ตัดคำเหล่านี้แยกบรรทัด นอกเหนือจากชื่อหน่วยงานและคำในพจนานุกรมของโปรแกรม</source>
      <translation>Reports never break these words across lines, besides unit names and the program's dictionary</translation>
    </message>
    <message>
      <source>ชื่อเลขานุการ (ผู้บันทึก)</source>
      <translation>Secretary's name (recorded on every change)</translation>
    </message>
    <message>
      <source>ตำแหน่ง</source>
      <translation>Position</translation>
    </message>
    <message>
      <source>กระดาษที่พิมพ์</source>
      <translation>Paper</translation>
    </message>
    <message>
      <source>เครื่องพิมพ์ที่ใช้ประจำ</source>
      <translation>Usual printer</translation>
    </message>
    <message>
      <source>คำที่ไม่ตัดแยกบรรทัด</source>
      <translation>Words never broken across lines</translation>
    </message>
    <message>
      <source>กระทรวง รหัส {0}</source>
      <translation>Ministry, code {0}</translation>
    </message>
    <message>
      <source>ชื่อกระทรวง</source>
      <translation>Ministry name</translation>
    </message>
    <message>
      <source>ชื่อย่อ</source>
      <translation>Short name</translation>
    </message>
    <message>
      <source>ชื่ออังกฤษ</source>
      <translation>English name</translation>
    </message>
    <message>
      <source>ชื่อเลขานุการบันทึกเป็นผู้แก้ไขในประวัติการแก้ไขทุกรายการ</source>
      <translation>The secretary's name is recorded as the user of every change in the history</translation>
    </message>
  </context>
  <context>
    <name>StrategyDialog</name>
    <message>
      <source>Strategic KPIs ของกระทรวง ปีงบประมาณ {0}</source>
      <translation>The ministry's Strategic KPIs, FY{0}</translation>
    </message>
    <message>
      <source>ตัวชี้วัดเชิงยุทธศาสตร์ติดตามผลเท่านั้น ไม่นำมาคิดคะแนน พิมพ์ค่าเป้าหมายและผลของปีนี้ในตารางได้ทันที</source>
      <translation>Strategic KPIs are monitored, never scored. Type this year's target and result in the table.</translation>
    </message>
    <message>
      <source>รหัส</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>Strategic KPI</source>
      <translation>Strategic KPI</translation>
    </message>
    <message>
      <source>หน่วยนับ</source>
      <translation>Unit of measure</translation>
    </message>
    <message>
      <source>แผน</source>
      <translation>Plan</translation>
    </message>
    <message>
      <source>ค่าเป้าหมาย</source>
      <translation>Target</translation>
    </message>
    <message>
      <source>ค่าเป้าหมาย (ตัวเลข)</source>
      <translation>Target (number)</translation>
    </message>
    <message>
      <source>ผล (ติดตาม)</source>
      <translation>Result (monitored)</translation>
    </message>
    <message>
      <source>ถ่ายทอดสู่ตัวชี้วัด</source>
      <translation>Cascaded to indicators</translation>
    </message>
    <message>
      <source>เพิ่ม Strategic KPI…</source>
      <translation>Add a Strategic KPI…</translation>
    </message>
    <message>
      <source>ไม่ได้บันทึก: </source>
      <translation>Not saved: </translation>
    </message>
    <message>
      <source>บันทึกแล้ว</source>
      <translation>Saved</translation>
    </message>
    <message>
      <source>ไม่ได้เพิ่ม: </source>
      <translation>Not added: </translation>
    </message>
    <message>
      <source>เพิ่มแล้ว</source>
      <translation>Added</translation>
    </message>
  </context>
  <context>
    <name>SyncIndicator</name>
    <message>
      <source>ซิงก์กับ {0}: รุ่น {1}</source>
      <translation>Synced with {0}: revision {1}</translation>
    </message>
    <message>
      <source> · รอส่ง {0} รายการ</source>
      <translation> · {0} waiting</translation>
    </message>
    <message>
      <source> · ซิงก์แล้ว</source>
      <translation> · up to date</translation>
    </message>
    <message>
      <source> · เซิร์ฟเวอร์ไม่รับ {0} รายการ</source>
      <translation> · {0} refused by the server</translation>
    </message>
    <message>
      <source> · ข้อขัดแย้ง {0} รายการ</source>
      <translation> · {0} conflicts</translation>
    </message>
    <message>
      <source>รหัสผ่านของ {0} ที่ {1}</source>
      <translation>Password of {0} at {1}</translation>
    </message>
    <message>
      <source>ยังไม่ได้ลงชื่อเข้าใช้</source>
      <translation>not signed in</translation>
    </message>
    <message>
      <source>กำลังซิงก์กับเซิร์ฟเวอร์…</source>
      <translation>Syncing with the server…</translation>
    </message>
    <message>
      <source>ออฟไลน์: งานที่ทำจะส่งเมื่อเชื่อมต่อได้</source>
      <translation>offline: your work is sent when the server can be reached</translation>
    </message>
  </context>
  <context>
    <name>TargetsPage</name>
    <message>
      <source>จากบัญชีตัวชี้วัด…</source>
      <translation>From the catalogue…</translation>
    </message>
    <message>
      <source>จาก KPI Basket…</source>
      <translation>From the KPI Basket…</translation>
    </message>
    <message>
      <source>ตัวชี้วัดใหม่…</source>
      <translation>New indicator…</translation>
    </message>
    <message>
      <source>เลิกทำ</source>
      <translation>Undo</translation>
    </message>
    <message>
      <source>ทำซ้ำ</source>
      <translation>Redo</translation>
    </message>
    <message>
      <source>หน่วยงาน</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>เพิ่ม:</source>
      <translation>Add:</translation>
    </message>
    <message>
      <source>&lt;b&gt;น้ำหนักรวมตามกรอบการประเมิน&lt;/b&gt;</source>
      <translation>&lt;b&gt;Weights against the framework&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&lt;b&gt;สิ่งที่ต้องแก้ไข&lt;/b&gt;</source>
      <translation>&lt;b&gt;To fix&lt;/b&gt;</translation>
    </message>
    <message>
      <source>ไม่พบปัญหา น้ำหนักและค่าเป้าหมายครบถ้วน</source>
      <translation>No problem: weights and targets are complete</translation>
    </message>
    <message>
      <source>ไม่ได้บันทึก: </source>
      <translation>Not saved: </translation>
    </message>
    <message>
      <source>บันทึกแล้ว</source>
      <translation>Saved</translation>
    </message>
    <message>
      <source>แก้ไข {0} ช่อง</source>
      <translation>Edit {0} cell(s)</translation>
    </message>
    <message>
      <source>เลือกช่องเริ่มต้นก่อนวางข้อมูล</source>
      <translation>Select the first cell before pasting</translation>
    </message>
    <message>
      <source>ไม่มีช่องที่แก้ไขได้ในบริเวณที่วาง</source>
      <translation>No editable cell in the pasted area</translation>
    </message>
    <message>
      <source>วางข้อมูลแล้ว {0} ช่อง (ข้าม {1} ช่องที่แก้ไขไม่ได้)</source>
      <translation>Pasted {0} cell(s) (skipped {1} that cannot be edited)</translation>
    </message>
    <message>
      <source>ยังไม่มีหน่วยงานให้เพิ่มตัวชี้วัด (เพิ่มหน่วยงานได้ที่หน้า หน่วยงานและคณะกรรมการ)</source>
      <translation>There is no unit to add indicators to yet (add units on the Units &amp; committee page)</translation>
    </message>
    <message>
      <source>เพิ่มตัวชี้วัดแล้ว กำหนดน้ำหนักและค่าเป้าหมายในตาราง</source>
      <translation>Indicator added: set its weight and targets in the table</translation>
    </message>
    <message>
      <source>รวม</source>
      <translation>Total</translation>
    </message>
  </context>
  <context>
    <name>UnitDialog</name>
    <message>
      <source>แก้ไขหน่วยงาน</source>
      <translation>Edit unit</translation>
    </message>
    <message>
      <source>เพิ่มหน่วยงาน</source>
      <translation>Add a unit</translation>
    </message>
    <message>
      <source>รหัส</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>ชื่อหน่วยงาน</source>
      <translation>Unit name</translation>
    </message>
    <message>
      <source>ชื่อย่อ</source>
      <translation>Short name</translation>
    </message>
    <message>
      <source>ชื่ออังกฤษ</source>
      <translation>English name</translation>
    </message>
    <message>
      <source>ประเภท</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>ลำดับ</source>
      <translation>Order</translation>
    </message>
  </context>
  <context>
    <name>UnitScoreTableModel</name>
    <message>
      <source>รหัส</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>หน่วยงาน</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>คะแนน</source>
      <translation>Points</translation>
    </message>
    <message>
      <source>ระดับ</source>
      <translation>Grade</translation>
    </message>
    <message>
      <source>ไม่มีผล</source>
      <translation>no result</translation>
    </message>
  </context>
  <context>
    <name>UnitsPage</name>
    <message>
      <source>รหัส</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>ชื่อหน่วยงาน</source>
      <translation>Unit name</translation>
    </message>
    <message>
      <source>ชื่อย่อ</source>
      <translation>Short name</translation>
    </message>
    <message>
      <source>ประเภท</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>สถานะ</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>ชื่อ</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>ตำแหน่ง</source>
      <translation>Position</translation>
    </message>
    <message>
      <source>บทบาทในคณะกรรมการ</source>
      <translation>Committee role</translation>
    </message>
    <message>
      <source>วาระเริ่ม</source>
      <translation>Term starts</translation>
    </message>
    <message>
      <source>วาระสิ้นสุด</source>
      <translation>Term ends</translation>
    </message>
    <message>
      <source>หน่วยงานในสังกัด</source>
      <translation>Units of the ministry</translation>
    </message>
    <message>
      <source>เพิ่มหน่วยงาน…</source>
      <translation>Add a unit…</translation>
    </message>
    <message>
      <source>แก้ไข…</source>
      <translation>Edit…</translation>
    </message>
    <message>
      <source>ยุบเลิก/เลิกติดตาม…</source>
      <translation>Retire…</translation>
    </message>
    <message>
      <source>คณะกรรมการ</source>
      <translation>Committee</translation>
    </message>
    <message>
      <source>คณะกรรมการ…</source>
      <translation>Committee…</translation>
    </message>
    <message>
      <source>เพิ่มกรรมการ…</source>
      <translation>Add member…</translation>
    </message>
    <message>
      <source>พ้นจากตำแหน่ง…</source>
      <translation>Left the committee…</translation>
    </message>
    <message>
      <source>ยุบเลิก/เลิกติดตามตั้งแต่ {0}</source>
      <translation>Retired from {0}</translation>
    </message>
    <message>
      <source>พ้นจากตำแหน่ง {0}</source>
      <translation>Left on {0}</translation>
    </message>
    <message>
      <source>คณะกรรมการ (ยังไม่ได้จัดตั้ง)</source>
      <translation>Committee (not set up yet)</translation>
    </message>
    <message>
      <source>เลือกรายการในตารางก่อน</source>
      <translation>Select a row in the table first</translation>
    </message>
    <message>
      <source>เพิ่มหน่วยงานแล้ว</source>
      <translation>Unit added</translation>
    </message>
    <message>
      <source>บันทึกหน่วยงานแล้ว</source>
      <translation>Unit saved</translation>
    </message>
    <message>
      <source>ยุบเลิกหรือเลิกติดตามหน่วยงานนี้ตั้งแต่วันนี้? หน่วยงานที่มีข้อมูลแล้วจะถูกเก็บไว้ (ไม่ลบ) เพื่อให้รายงานปีก่อน ๆ ยังพิมพ์ได้</source>
      <translation>Retire this unit from today? A unit with data is kept (not deleted) so earlier years still print</translation>
    </message>
    <message>
      <source>บันทึกแล้ว</source>
      <translation>Saved</translation>
    </message>
    <message>
      <source>ลบหน่วยงานที่ยังไม่มีข้อมูลแล้ว</source>
      <translation>The unit had no data and was removed</translation>
    </message>
    <message>
      <source>ยุบเลิก/เลิกติดตามแล้ว ข้อมูลเดิมยังอยู่ครบ</source>
      <translation>Retired; its data is kept</translation>
    </message>
    <message>
      <source>บันทึกคณะกรรมการแล้ว</source>
      <translation>Committee saved</translation>
    </message>
    <message>
      <source>จัดตั้งคณะกรรมการก่อน (ปุ่ม “คณะกรรมการ…”)</source>
      <translation>Set up the committee first (“Committee…”)</translation>
    </message>
    <message>
      <source>เพิ่มกรรมการแล้ว</source>
      <translation>Member added</translation>
    </message>
    <message>
      <source>บันทึกกรรมการแล้ว</source>
      <translation>Member saved</translation>
    </message>
    <message>
      <source>บันทึกว่ากรรมการท่านนี้พ้นจากตำแหน่งตั้งแต่วันนี้? ชื่อยังคงอยู่ในรายงานการประชุมที่ผ่านมา</source>
      <translation>Record that this member left the committee today? The name stays in past minutes</translation>
    </message>
  </context>
  <context>
    <name>dialog</name>
    <message>
      <source>ตกลง</source>
      <translation>OK</translation>
    </message>
    <message>
      <source>ยกเลิก</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>เหตุผล (บันทึกไว้ในประวัติ)</source>
      <translation>Reason (kept in the history)</translation>
    </message>
  </context>
  <context>
    <name>errors</name>
    <message>
      <source>เกิดข้อผิดพลาดที่ไม่คาดคิด ข้อมูลที่บันทึกแล้วยังอยู่ครบ และโปรแกรมยังทำงานต่อได้

รายละเอียด: {0}
บันทึกไว้ที่ {1}</source>
      <translation>An unexpected error occurred. Everything saved is intact and the program keeps working.

Details: {0}
Logged in {1}</translation>
    </message>
  </context>
  <context>
    <name>find</name>
    <message>
      <source>ค้นหา (รหัสหรือชื่อ)…</source>
      <translation>Find (code or name)…</translation>
    </message>
  </context>
  <context>
    <name>history</name>
    <message>
      <source>ประวัติการแก้ไข…</source>
      <translation>History of changes…</translation>
    </message>
  </context>
  <context>
    <name>launch</name>
    <message>
      <source>ฐานข้อมูล {0} เปิดอยู่ในโปรแกรม KPI Desk อีกหน้าต่างหนึ่ง การแก้ไขพร้อมกันสองที่อาจทำให้สับสน ต้องการเปิดต่อหรือไม่?</source>
      <translation>The database {0} is open in another KPI Desk window. Editing in two places at once can be confusing. Open it anyway?</translation>
    </message>
  </context>
  <context>
    <name>parent</name>
    <message>
      <source>ยกเลิก</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>window</name>
    <message>
      <source>เปิดฐานข้อมูล</source>
      <translation>Open database</translation>
    </message>
    <message>
      <source>เปิด {0} แล้ว</source>
      <translation>Opened {0}</translation>
    </message>
    <message>
      <source>ฐานข้อมูลใหม่</source>
      <translation>New database</translation>
    </message>
    <message>
      <source>มีไฟล์ {0} อยู่แล้ว ฐานข้อมูลใหม่ไม่เขียนทับไฟล์เดิม</source>
      <translation>{0} already exists; a new database never overwrites a file</translation>
    </message>
    <message>
      <source>กู้คืนได้เฉพาะฐานข้อมูล SQLite</source>
      <translation>Only an SQLite database can be restored</translation>
    </message>
    <message>
      <source>กู้คืนจากไฟล์สำรอง</source>
      <translation>Restore from a backup</translation>
    </message>
    <message>
      <source>แทนที่ข้อมูลใน {0} ด้วยไฟล์สำรอง {1}? ข้อมูลปัจจุบันจะเก็บไว้เป็นไฟล์สำเนาข้างกัน</source>
      <translation>Replace the data in {0} with the backup {1}? The current data is kept as a copy beside it</translation>
    </message>
    <message>
      <source>กู้คืนแล้ว ข้อมูลก่อนกู้คืนอยู่ที่ {0}</source>
      <translation>Restored; the data from before is in {0}</translation>
    </message>
    <message>
      <source>นำเข้าจาก Excel</source>
      <translation>Import from Excel</translation>
    </message>
    <message>
      <source>นำเข้าแล้ว: เพิ่ม {0} แก้ไข {1}</source>
      <translation>Imported: {0} added, {1} changed</translation>
    </message>
    <message>
      <source>กำลังนำเข้า…</source>
      <translation>Importing…</translation>
    </message>
    <message>
      <source>กำลังตรวจสอบไฟล์…</source>
      <translation>Checking the file…</translation>
    </message>
    <message>
      <source>ส่งออกเป็น Excel</source>
      <translation>Export to Excel</translation>
    </message>
    <message>
      <source>กำลังส่งออก…</source>
      <translation>Exporting…</translation>
    </message>
    <message>
      <source>ส่งออกที่ {0}</source>
      <translation>Exported to {0}</translation>
    </message>
    <message>
      <source>แบบฟอร์ม Excel</source>
      <translation>Excel template</translation>
    </message>
    <message>
      <source>แบบฟอร์มของ {0}</source>
      <translation>Template for {0}</translation>
    </message>
    <message>
      <source>ตัวชี้วัดและค่าเป้าหมาย</source>
      <translation>Indicators &amp; targets</translation>
    </message>
    <message>
      <source>ผลการดำเนินงานรอบ ๖ เดือน</source>
      <translation>Results, 6-month round</translation>
    </message>
    <message>
      <source>ผลการดำเนินงานรอบ ๑๒ เดือน</source>
      <translation>Results, 12-month round</translation>
    </message>
    <message>
      <source>บันทึกแบบฟอร์ม</source>
      <translation>Save the template</translation>
    </message>
    <message>
      <source>บันทึกแบบฟอร์มที่ {0}</source>
      <translation>Template saved to {0}</translation>
    </message>
    <message>
      <source>สร้างสำเนาจากเซิร์ฟเวอร์ {0} แล้ว</source>
      <translation>Copied from the server {0}</translation>
    </message>
    <message>
      <source>กำลังคัดลอกข้อมูลจากเซิร์ฟเวอร์…</source>
      <translation>Copying the server's data…</translation>
    </message>
  </context>
</TS>